package org.fence4j.agents.spi;

import java.time.Duration;

/** A duration as messages and logs write it: 12 ms, 0.3 s, 1.5 s, 2 s, 40 s, 2 min, 2 min 5 s. */
public final class DurationText {
    private DurationText() {
    }

    /**
     * Milliseconds below 0.05 s (which tenths would round to "0 s", as if nothing had run), tenths of a
     * second below 10 s (none when whole), whole seconds below 2 min, then minutes and seconds.
     */
    public static String of(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 50) {
            return ms + " ms";
        }
        long tenths = (ms + 50) / 100;
        if (tenths < 100) {
            return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
        }
        long seconds = (ms + 500) / 1000;
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
