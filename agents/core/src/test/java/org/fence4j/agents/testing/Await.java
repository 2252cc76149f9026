package org.fence4j.agents.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a test can observe: polls every 10 ms, and fails the test when it is not so within a bound. */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Returns once {@code condition} holds; an AssertionError naming {@code what} when it does not within {@code limit}. */
    public static void until(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("expected within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
