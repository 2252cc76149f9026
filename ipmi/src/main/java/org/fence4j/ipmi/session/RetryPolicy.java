package org.fence4j.ipmi.session;

import java.time.Duration;

/**
 * Retransmission of one request, always within a deadline: the first wait before any round trip
 * was measured ({@code initial}), the least and the most a wait may be ({@code floor},
 * {@code max}), and how many times at most the request is sent. The wait of each try is the
 * measured retransmission timeout doubled per try already made, capped at {@code max}.
 */
public record RetryPolicy(Duration initial, Duration floor, Duration max, int tries) {
    /** Starts short and backs off to 1 s; six sends fit in a 5 s login attempt. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(250), Duration.ofMillis(100),
            Duration.ofSeconds(1), 6);

    public RetryPolicy {
        if (!positive(initial) || !positive(floor) || !positive(max) || floor.compareTo(max) > 0 || tries < 1) {
            throw new IllegalArgumentException("waits must be positive, floor at most max, and tries at least 1");
        }
    }

    /** The same wait on every try, nothing measured: for tests that need exact timing. */
    public static RetryPolicy fixed(Duration perTry, int tries) {
        return new RetryPolicy(perTry, perTry, perTry, tries);
    }

    /** A single send that waits the longest wait: for requests that must not be sent twice. */
    public RetryPolicy once() {
        return new RetryPolicy(max, max, max, 1);
    }

    /** The same waits, at most {@code n} sends. */
    public RetryPolicy atMostTries(int n) {
        return new RetryPolicy(initial, floor, max, Math.min(n, tries));
    }

    /**
     * The longest a BMC is expected to take to answer, {@code max}: an answer that cannot be
     * verified ends an exchange only once the BMC has had this long to send an authentic one.
     */
    public Duration patience() {
        return max;
    }

    /** The wait after try {@code n} (1-based) when the measured timeout is {@code rto} (null: none yet). */
    public Duration waitAfter(int n, Duration rto) {
        Duration base = rto == null ? initial : clamp(rto);
        Duration w = base.multipliedBy(1L << Math.min(n - 1, 10));
        return w.compareTo(max) > 0 ? max : w;
    }

    private Duration clamp(Duration d) {
        return d.compareTo(floor) < 0 ? floor : d.compareTo(max) > 0 ? max : d;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
