package org.fence4j.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * A session's K1 with its {@link IntegrityAlgorithm}: the AuthCode of the session trailer. The
 * {@link Mac} is keyed once per session and used for every packet ({@code doFinal} resets it), so
 * it is not for several threads at once: a session has one. Never printed.
 */
public final class IntegrityKey {
    private final int authCodeLength;
    /** Null for {@link IntegrityAlgorithm#NONE}. */
    private final Mac mac;

    IntegrityKey(int authCodeLength, Mac mac) {
        this.authCodeLength = authCodeLength;
        this.mac = mac;
    }

    public int authCodeLength() {
        return authCodeLength;
    }

    /** The AuthCode over {@code data[from, to)}. */
    public byte[] authCode(byte[] data, int from, int to) {
        if (mac == null) {
            return new byte[0];
        }
        mac.update(data, from, to - from);
        return Arrays.copyOf(mac.doFinal(), authCodeLength);
    }

    /** True when the last {@link #authCodeLength()} bytes of {@code datagram} sign {@code datagram[from, end)}. */
    public boolean verify(byte[] datagram, int from) {
        int end = datagram.length - authCodeLength;
        if (end < from) {
            return false;
        }
        return MessageDigest.isEqual(authCode(datagram, from, end), Arrays.copyOfRange(datagram, end, datagram.length));
    }

    @Override
    public String toString() {
        return "IntegrityKey[******]";
    }
}
