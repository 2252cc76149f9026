package org.fence4j.agents.config;

import java.util.List;

/**
 * "did you mean" for a key that names nothing: the expected key a typo of it would be, by the
 * number of letters added, removed, changed or swapped (passwd_flie is one swap from passwd_file).
 */
final class CloseMatch {
    private CloseMatch() {
    }

    /** {@code " (did you mean 'passwd_file'?)"}, or "" when no expected key is that close. */
    static String didYouMean(String key, List<String> expected) {
        String best = null;
        int bestDistance = mostEdits(key) + 1;
        for (String candidate : expected) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** One edit in a short key, two in a longer one: more would suggest keys that only look alike. */
    private static int mostEdits(String key) {
        return key.length() < 5 ? 1 : 2;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: Damerau-Levenshtein. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
