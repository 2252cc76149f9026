package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/**
 * What an exchange makes of one datagram: the answer it waits for, an answer to it that cannot
 * be trusted (refused: counted, never acted on at once), or nothing of its concern (ignored).
 */
public sealed interface Reply<T> {

    record Accepted<T>(T value) implements Reply<T> {
    }

    /** An answer that failed verification or reports an error; {@code failure} is what it would mean. */
    record Refused<T>(IpmiException failure) implements Reply<T> {
    }

    record Ignored<T>() implements Reply<T> {
    }

    static <T> Reply<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Reply<T> refused(IpmiException failure) {
        return new Refused<>(failure);
    }

    static <T> Reply<T> ignored() {
        return new Ignored<>();
    }
}
