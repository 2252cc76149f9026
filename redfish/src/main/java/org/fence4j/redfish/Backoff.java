package org.fence4j.redfish;

import java.time.Duration;
import java.util.Optional;
import org.fence4j.agents.spi.Deadline;

/**
 * The pauses between tries of one request: from {@link #FIRST} doubling up to {@link #LONGEST}, or
 * as long as the service's Retry-After asks, at most {@link #MOST_TRIES} tries, and never a pause
 * that would end past the deadline.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofMillis(1600);
    static final int MOST_TRIES = 8;

    private Duration next = FIRST;
    private int tries = 1;

    /**
     * Pauses before the next try; false, without pausing, when no try is left or it could not
     * be answered by {@code by}.
     */
    boolean pause(Optional<Duration> retryAfter, Deadline by) throws InterruptedException {
        Duration pause = retryAfter.filter(d -> d.compareTo(next) > 0).orElse(next);
        if (tries >= MOST_TRIES || pause.compareTo(by.remaining()) >= 0) {
            return false;
        }
        tries++;
        next = next.multipliedBy(2).compareTo(LONGEST) < 0 ? next.multipliedBy(2) : LONGEST;
        by.clock().sleep(pause);
        return true;
    }

    /** Retry-After in seconds (RFC 9110 also allows a date, which BMC clocks make useless: ignored). */
    static Optional<Duration> retryAfter(org.fence4j.redfish.http.Reply reply) {
        return reply.header("retry-after").map(String::strip).filter(s -> s.matches("\\d{1,6}"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s)));
    }
}
