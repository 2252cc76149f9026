package org.fence4j.helper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fence4j.agents.spi.MonotonicClock;

/** A monotonic clock that only moves when someone sleeps on it; records every sleep. */
final class FakeClock implements MonotonicClock, Sleeper {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("fake sleep interrupted");
        }
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        advance(duration);
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    /** Time passed since the clock was made. */
    Duration elapsed() {
        return Duration.ofNanos(nanos.get() - 1_000_000_000L);
    }
}
