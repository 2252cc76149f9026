package org.fence4j.agents.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in the configuration and on the command line: 40s, 2m, 500ms, 1h. */
public final class Durations {
    public static final String EXPECTED = "a duration such as 40s, 2m, 500ms or 1h";
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        });
    }

    /** Short human form: 1.4 s, 40 s, 2 min. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < 120_000) {
            return (ms / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%d min %d s", ms / 60_000, (ms / 1000) % 60);
    }
}
