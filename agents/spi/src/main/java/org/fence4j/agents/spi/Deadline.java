package org.fence4j.agents.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in monotonic time by which a request must be answered. Immutable. Waits within it sleep on
 * its {@link #clock()}, so that the fake clock a test builds a deadline on drives them too.
 */
public final class Deadline {
    private static final Duration LONGEST = Duration.ofDays(365L * 100);
    private final MonotonicClock clock;
    private final long deadlineNanos;

    private Deadline(MonotonicClock clock, long deadlineNanos) {
        this.clock = clock;
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline after(Duration timeout) {
        return after(timeout, MonotonicClock.SYSTEM);
    }

    public static Deadline after(Duration timeout, MonotonicClock clock) {
        Objects.requireNonNull(clock, "clock");
        // differences of nanoTime stay exact across wrap-around while spans stay under ~292 years
        Duration span = timeout.isNegative() ? Duration.ZERO : min(timeout, LONGEST);
        return new Deadline(clock, clock.nanoTime() + span.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - clock.nanoTime()));
    }

    public long remainingMillis() {
        return remaining().toMillis();
    }

    public boolean expired() {
        return deadlineNanos - clock.nanoTime() <= 0;
    }

    /** This deadline or one {@code limit} from now, whichever comes first. */
    public Deadline atMost(Duration limit) {
        Deadline other = after(limit, clock);
        return other.deadlineNanos - deadlineNanos < 0 ? other : this;
    }

    /** The shorter of {@code limit} and the time left: how long one step may take within this deadline. */
    public Duration remainingAtMost(Duration limit) {
        return min(remaining(), limit);
    }

    public MonotonicClock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Deadline[remaining=" + remaining().toMillis() + "ms]";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
