package org.fence4j.ipmi.session;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.spi.Deadline;

/**
 * Request/answer over one datagram path to one BMC, one exchange at a time, in the calling
 * thread. Implementations resend on an adaptive timeout ({@link RetryPolicy}, {@link RoundTrip})
 * and drop every datagram the judge ignores (late duplicates, replays, other sessions).
 */
public interface Exchanger {
    /**
     * Sends {@code datagramForTry.apply(n)} for try n = 1, 2, ... (called once per try, in order)
     * until {@code judge} accepts an answer, which is returned, the tries are used up or the
     * deadline passes; each try waits its retransmission timeout. A refused answer is a hint: the
     * first makes the request be sent again at once (it may have been spoiled on the way), and the
     * exchange throws the refusal only if nothing authentic came within {@link RetryPolicy#patience()}
     * of that resend, or by the end of the tries. A superseded answer is returned at the end of the
     * tries if no later try was answered. With no answer at all it throws
     * {@link NoAnswerException}. An interrupt ends it with an
     * {@link org.fence4j.ipmi.IpmiException}, the thread's interrupt status kept.
     */
    <T> T exchange(String what, IntFunction<byte[]> datagramForTry, Function<byte[], Reply<T>> judge,
            RetryPolicy retry, Deadline deadline);

    /** {@link #exchange(String, IntFunction, Function, RetryPolicy, Deadline)} sending the same datagram every try. */
    default <T> T exchange(String what, byte[] datagram, Function<byte[], Reply<T>> judge, RetryPolicy retry,
            Deadline deadline) {
        return exchange(what, attempt -> datagram, judge, retry, deadline);
    }

    /** Sends once, expecting no answer. */
    void send(byte[] datagram);

    /** Releases the path; later exchanges fail. */
    void close();
}
