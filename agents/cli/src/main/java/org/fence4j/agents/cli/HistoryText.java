package org.fence4j.agents.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.spi.DurationText;

/** Records and events as sentences for people: times as {@link TimeText} says, durations as "6.3 s". */
final class HistoryText {
    /** A reason longer than this is cut, so that each stays on one line of a screen. */
    static final int REASON_WIDTH = 100;

    private final TimeText times;

    HistoryText(TimeText times) {
        this.times = times;
    }

    TimeText times() {
        return times;
    }

    /** {@code reset SUCCESS by level 2 (ipmi-pm02) in 0.8 s, requested by root@/dev/pts/1}. */
    String entry(HistoryEntry e) {
        String by = e.level() != null ? " by level " + e.level() + " (" + e.device() + ")"
                : e.device() != null ? " by " + e.device() : "";
        return e.action() + " " + e.outcome() + by + took(e).map(d -> " in " + DurationText.of(d)).orElse("")
                + ", requested by " + e.requester();
    }

    /** {@code level 1 helper-pm02 (helper): FAILURE after 6.3 s: pm02 answered ping}. */
    static String step(HistoryEntry.Step s) {
        return "level " + s.level() + " " + s.device() + " (" + s.agent() + "): " + s.outcome() + " after "
                + DurationText.of(Duration.ofMillis(s.durationMs())) + ": " + s.reason();
    }

    /** {@code reboot succeeded: fenced by node2 for pacemaker-controld.1185 on node1}, and why it failed. */
    static String cluster(ClusterEvent c) {
        String asked = " for " + c.client() + " on " + c.origin();
        return switch (String.valueOf(c.status())) {
            case ClusterEvent.SUCCESS -> c.action() + " succeeded: fenced by " + c.delegate() + asked;
            case ClusterEvent.FAILED -> c.action() + " failed" + (c.delegate() == null ? "" : ": tried by "
                    + c.delegate()) + asked + (c.exitReason() == null ? "" : ": " + oneLine(c.exitReason()));
            default -> c.action() + " " + c.status() + ": asked by " + c.client() + " on " + c.origin();
        };
    }

    /** When {@code t} was, or "pending" in the same width. */
    String when(Instant t) {
        return t == null ? String.format("%-19s", "(pending)") : times.human(t);
    }

    /** On one line, white space folded, cut to {@link #REASON_WIDTH}. */
    static String oneLine(String reason) {
        String line = reason.strip().replaceAll("\\s+", " ");
        return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 3) + "...";
    }

    private static Optional<Duration> took(HistoryEntry e) {
        return TimeText.parse(e.start()).flatMap(start -> TimeText.parse(e.end()).map(end -> Duration.between(start, end)));
    }
}
