package org.fence4j.helper;

import java.time.Duration;
import org.fence4j.agents.spi.Deadline;

/** Waits that never outlast a deadline, slept on the deadline's clock. */
final class Within {
    private Within() {
    }

    /** Sleeps {@code duration}, or until {@code deadline}; false if the deadline cut it short. */
    static boolean sleep(Duration duration, Deadline deadline) throws InterruptedException {
        Duration left = deadline.remaining();
        if (duration.compareTo(left) <= 0) {
            deadline.clock().sleep(duration);
            return true;
        }
        deadline.clock().sleep(left);
        return false;
    }
}
