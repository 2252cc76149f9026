package org.fence4j.ipmi.session;

import java.time.Duration;

/**
 * The round trip to one BMC as measured so far (RFC 6298's smoothed estimate and variance):
 * the base of the retransmission timeout. Only answers to a first send are measured (Karn),
 * since an answer after a resend could belong to either send. Thread-safe.
 */
public final class RoundTrip {
    private long srttNanos = -1;
    private long rttvarNanos;

    /** The measured retransmission timeout, or null before the first sample. */
    public synchronized Duration timeout() {
        return srttNanos < 0 ? null : Duration.ofNanos(srttNanos + 4 * rttvarNanos);
    }

    public synchronized void sample(long nanos) {
        if (srttNanos < 0) {
            srttNanos = nanos;
            rttvarNanos = nanos / 2;
            return;
        }
        rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - nanos)) / 4;
        srttNanos = (7 * srttNanos + nanos) / 8;
    }
}
