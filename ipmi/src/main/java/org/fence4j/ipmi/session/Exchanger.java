package org.fence4j.ipmi.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.spi.Deadline;

/**
 * Request/answer over one datagram path to one BMC, one exchange at a time. Implementations
 * resend on an adaptive timeout ({@link RetryPolicy}, {@link RoundTrip}) and drop every datagram
 * the judge ignores (late duplicates, replays, other sessions).
 */
public interface Exchanger {
    /** Refused answers to this many sends end an exchange at once: one may be a corrupted datagram, two agree. */
    int REFUSALS_TO_BELIEVE = 2;

    /**
     * Sends {@code datagramForTry.apply(n)} for try n = 1, 2, ... until {@code judge} accepts an
     * answer, the tries are used up or the deadline passes. A refused answer is counted and the
     * request sent again at once; after {@link #REFUSALS_TO_BELIEVE} refusals, or when the tries
     * run out having seen one, the exchange fails with the last refusal. With no answer at all
     * it fails with {@link NoAnswerException}.
     */
    <T> CompletableFuture<T> exchange(String what, IntFunction<byte[]> datagramForTry,
            Function<byte[], Reply<T>> judge, RetryPolicy retry, Deadline deadline);

    /** Sends once, expecting no answer. */
    void send(byte[] datagram);

    /** Releases the path; pending exchanges fail. */
    void close();
}
