package org.fence4j.agents.spi;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time that deadlines are measured in and waited on: a monotonic nanosecond reading and an
 * interruptible sleep. Named apart from {@link java.time.Clock}, which tells the date and cannot wait.
 * Tests substitute one fake for both, so that the waits of a fence take no real time.
 */
public interface MonotonicClock {
    MonotonicClock SYSTEM = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    };

    /** Only differences of two readings mean anything, as with {@link System#nanoTime()}. */
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}
