package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/**
 * What an exchange makes of one datagram: the answer it waits for, an answer that a later try
 * may have made stale (superseded), an answer to it that cannot be trusted (refused: a hint,
 * never acted on at once), or nothing of its concern (ignored). An answer that says which try it
 * answers (by a tag of that try's own) names it: {@code forTry}, 1-based; 0 when it cannot tell.
 */
public sealed interface Reply<T> {

    record Accepted<T>(T value, int forTry) implements Reply<T> {
    }

    /**
     * An answer to try {@code forTry} when a later try was sent: a BMC that takes a resent request
     * as new keeps only the last, so this one is taken only if no later try is answered.
     */
    record Superseded<T>(T value, int forTry) implements Reply<T> {
    }

    /** An answer that failed verification or reports an error; {@code failure} is what it would mean. */
    record Refused<T>(IpmiException failure) implements Reply<T> {
    }

    record Ignored<T>() implements Reply<T> {
    }

    static <T> Reply<T> accepted(T value) {
        return new Accepted<>(value, 0);
    }

    static <T> Reply<T> accepted(T value, int forTry) {
        return new Accepted<>(value, forTry);
    }

    /** The answer to try {@code forTry}: accepted if it is the latest try, else superseded. */
    static <T> Reply<T> unlessSuperseded(T value, int forTry, int latestTry) {
        return forTry == latestTry ? new Accepted<>(value, forTry) : new Superseded<>(value, forTry);
    }

    static <T> Reply<T> refused(IpmiException failure) {
        return new Refused<>(failure);
    }

    static <T> Reply<T> ignored() {
        return new Ignored<>();
    }
}
