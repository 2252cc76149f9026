package org.fence4j.agents.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Times as fence-cli prints them: for people local time to the second, as crm_mon does
 * ({@code 2026-12-07 04:10:00}); in --json ISO 8601 with the offset and milliseconds
 * ({@code 2026-12-07T04:10:00.123+01:00}). The history file keeps UTC instants; only the output changes.
 */
final class TimeText {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter JSON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            Locale.ROOT);

    private final ZoneId zone;

    TimeText(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * UTC with --utc, else the local zone: TZ of the run's environment when it names a zone (as the JVM reads
     * it at start; a test's run names its own), else the system's.
     */
    static TimeText of(boolean utc, UnaryOperator<String> environment) {
        if (utc) {
            return new TimeText(ZoneOffset.UTC);
        }
        String tz = environment.apply("TZ");
        try {
            return new TimeText(tz == null || tz.isBlank() ? ZoneId.systemDefault() : ZoneId.of(tz.replaceFirst("^:", "")));
        } catch (DateTimeException notAZoneName) {
            return new TimeText(ZoneId.systemDefault()); // a POSIX rule such as CET-1CEST: the JVM has read it
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** To the second, with a Z when in UTC: {@code 2026-12-07 04:10:00}. */
    String human(Instant t) {
        return HUMAN.format(t.atZone(zone)) + (zone.equals(ZoneOffset.UTC) ? "Z" : "");
    }

    /** A time as the history records it (an instant's ISO text), for people; as recorded when it is none. */
    String human(String recorded) {
        return parse(recorded).map(this::human).orElse(recorded);
    }

    String json(Instant t) {
        return JSON.format(t.atZone(zone));
    }

    /** A time as the history records it, for --json. */
    String json(String recorded) {
        return parse(recorded).map(this::json).orElse(recorded);
    }

    /** The history's time text as an instant; empty when it is none (a line another version wrote). */
    static Optional<Instant> parse(String recorded) {
        if (recorded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(recorded));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
