package org.fence4j.helper;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code ping -c1} run (iputils, LC_ALL=C) says: an answer, a clean silence, or
 * nothing known. Exit 1 alone is no silence: iputils exits 1 also when a router reported the
 * network unreachable or the packet filtered, and when it warned that it may send through
 * another interface than the one asked.
 */
final class PingOutput {
    private static final Pattern STATISTICS = Pattern.compile(
            "(?m)^(\\d+) packets transmitted, (\\d+) received(?:, \\+(\\d+) errors)?");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^From \\S+ icmp_seq=\\d+ (.*)$");
    /** Neighbour discovery found nobody: the address did not answer on its own link either. */
    private static final Pattern NOBODY_THERE = Pattern.compile(
            "Destination Host Unreachable|Destination unreachable: Address unreachable");
    private static final String UNCLEAN = "no answer, but no clean silence either: ";

    private PingOutput() {
    }

    /**
     * @return true if an answer came, false for a clean silence
     * @throws IOException anything else, saying what ping said
     */
    static boolean answered(int exitCode, String stdout, String stderr) throws IOException {
        String said = stderr.strip().lines().findFirst().orElse("").replaceFirst("^ping: ", "");
        if (exitCode == 0) {
            return true;
        }
        if (exitCode != 1) {
            throw new IOException("ping exited " + exitCode + ": " + (said.isEmpty() ? "it could not send" : said));
        }
        if (!said.isEmpty()) {
            throw new IOException(UNCLEAN + "ping said '" + said + "'");
        }
        Matcher statistics = STATISTICS.matcher(stdout);
        if (!statistics.find() || Long.parseLong(statistics.group(1)) == 0) {
            throw new IOException(UNCLEAN + "ping printed no statistics");
        }
        if (Long.parseLong(statistics.group(2)) > 0) {
            return true;
        }
        long errors = statistics.group(3) == null ? 0 : Long.parseLong(statistics.group(3));
        long nobodyThere = 0;
        Matcher error = ERROR_LINE.matcher(stdout);
        while (error.find()) {
            if (!NOBODY_THERE.matcher(error.group(1)).matches()) {
                throw new IOException(UNCLEAN + error.group());
            }
            nobodyThere++;
        }
        if (errors != nobodyThere) {
            throw new IOException(UNCLEAN + "ping counted " + errors + " error(s)");
        }
        return false;
    }
}
