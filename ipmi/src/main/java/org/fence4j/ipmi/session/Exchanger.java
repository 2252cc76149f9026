package org.fence4j.ipmi.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.spi.Deadline;

/**
 * Request/answer over one datagram path to one BMC, one exchange at a time. Implementations
 * resend on a per-try timeout and drop every datagram the matcher does not accept (late
 * duplicates, replays, other sessions).
 */
public interface Exchanger {

    /**
     * Sends {@code datagramForTry.apply(n)} for try n = 1, 2, ... until {@code match} accepts an
     * answer, the tries are used up or the deadline passes (then {@link NoAnswerException}).
     */
    <T> CompletableFuture<T> exchange(String what, IntFunction<byte[]> datagramForTry,
            Function<byte[], Optional<T>> match, RetryPolicy retry, Deadline deadline);

    /** Sends once, expecting no answer. */
    void send(byte[] datagram);

    /** Releases the path; pending exchanges fail. */
    void close();
}
