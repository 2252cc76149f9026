package org.fence4j.agents.spi;

import java.time.Duration;
import java.util.Objects;

/** A point in monotonic time by which a request must be answered. Immutable. */
public final class Deadline {
    private static final Duration LONGEST = Duration.ofDays(365L * 100);
    private final Ticker ticker;
    private final long deadlineNanos;

    private Deadline(Ticker ticker, long deadlineNanos) {
        this.ticker = ticker;
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline after(Duration timeout) {
        return after(timeout, Ticker.SYSTEM);
    }

    public static Deadline after(Duration timeout, Ticker ticker) {
        Objects.requireNonNull(ticker, "ticker");
        // differences of nanoTime stay exact across wrap-around while spans stay under ~292 years
        Duration span = timeout.isNegative() ? Duration.ZERO : min(timeout, LONGEST);
        return new Deadline(ticker, ticker.nanoTime() + span.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - ticker.nanoTime()));
    }

    public long remainingMillis() {
        return remaining().toMillis();
    }

    public boolean expired() {
        return deadlineNanos - ticker.nanoTime() <= 0;
    }

    /** This deadline or one {@code limit} from now, whichever comes first. */
    public Deadline atMost(Duration limit) {
        Deadline other = after(limit, ticker);
        return other.deadlineNanos - deadlineNanos < 0 ? other : this;
    }

    /** The shorter of {@code limit} and the time left: how long one step may take within this deadline. */
    public Duration remainingAtMost(Duration limit) {
        return min(remaining(), limit);
    }

    public Ticker ticker() {
        return ticker;
    }

    @Override
    public String toString() {
        return "Deadline[remaining=" + remaining().toMillis() + "ms]";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
