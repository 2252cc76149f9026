package org.fence4j.ipmi.session;

import java.time.Duration;

/** How long to wait for one answer and how many times to send a request, all within a deadline. */
public record RetryPolicy(Duration perTry, int tries) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), 4);

    public RetryPolicy {
        if (perTry.isNegative() || perTry.isZero() || tries < 1) {
            throw new IllegalArgumentException("per-try timeout must be positive and tries at least 1");
        }
    }

    /** Same timeout, a single try: for requests that must not be sent twice. */
    public RetryPolicy once() {
        return new RetryPolicy(perTry, 1);
    }
}
