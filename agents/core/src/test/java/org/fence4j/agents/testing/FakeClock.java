package org.fence4j.agents.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.fence4j.agents.spi.MonotonicClock;

/**
 * The fake monotonic clock of every test: time moves only when something sleeps on it or the test
 * advances it, so a wait of minutes takes none; every sleep is recorded for the test to assert.
 */
public final class FakeClock implements MonotonicClock {
    /** A second before nanoTime wraps around: a test that runs longer also proves that only differences count. */
    private static final long START = Long.MAX_VALUE - 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(START);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holding;

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Returns at once, the clock moved on by {@code duration}; throws as a real sleep would if interrupted. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("fake sleep interrupted");
        }
        sleeps.add(duration);
        CountDownLatch hold = holding;
        if (hold != null) {
            hold.countDown();
            new CountDownLatch(1).await(); // nothing counts it down: only an interrupt ends a held sleep
        }
        advance(duration);
    }

    /**
     * From now on a sleep lasts until its thread is interrupted, as a long real one would, for a test
     * of the interrupt; the latch returned opens once a sleep has begun.
     */
    public CountDownLatch holdSleeps() {
        holding = new CountDownLatch(1);
        return holding;
    }

    /** Time passes without a sleep, as while a device answers. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Every sleep, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Time passed since the clock was made. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get() - START);
    }
}
