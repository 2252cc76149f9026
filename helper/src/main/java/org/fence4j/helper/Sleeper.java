package org.fence4j.helper;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; tests substitute a fake that advances a fake clock instead. */
@FunctionalInterface
interface Sleeper {
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
