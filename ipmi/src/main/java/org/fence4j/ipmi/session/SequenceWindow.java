package org.fence4j.ipmi.session;

/**
 * Inbound session sequence numbers (IPMI v2.0 §6.12.13): after the first, a number is accepted
 * once, if it is at most {@value #AHEAD} above the highest seen or at most {@value #BEHIND} below it,
 * counting across the wrap from 0xFFFFFFFF to 1.
 * Everything else (replays, duplicates, wild jumps) is dropped. Not thread-safe.
 */
public final class SequenceWindow {
    static final int AHEAD = 32;
    static final int BEHIND = 16;

    private long highest;
    /** Bit i set: highest - i was seen. */
    private long seen;

    public boolean accept(int sequence) {
        long s = Integer.toUnsignedLong(sequence);
        if (s == 0) {
            return false;
        }
        if (highest == 0) {
            // the first authentic packet sets the window: BMCs need not start at 1
            highest = s;
            seen = 1;
            return true;
        }
        // distances modulo 2^32: the numbers wrap after 0xFFFFFFFF (to 1, 0 is never sent)
        long ahead = (s - highest) & 0xFFFF_FFFFL;
        if (ahead != 0 && ahead <= AHEAD) {
            seen = seen << ahead | 1;
            highest = s;
            return true;
        }
        long back = (highest - s) & 0xFFFF_FFFFL;
        if (back > BEHIND || (seen & (1L << back)) != 0) {
            return false;
        }
        seen |= 1L << back;
        return true;
    }
}
