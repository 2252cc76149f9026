package org.fence4j.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/** A session's K1 with its {@link IntegrityAlgorithm}: the AuthCode of the session trailer. Never printed. */
public final class IntegrityKey {
    private final int authCodeLength;
    /** Null for {@link IntegrityAlgorithm#NONE}. */
    private final Hmac mac;

    IntegrityKey(int authCodeLength, Hmac mac) {
        this.authCodeLength = authCodeLength;
        this.mac = mac;
    }

    public int authCodeLength() {
        return authCodeLength;
    }

    /** The AuthCode over {@code data[from, to)}. */
    public byte[] authCode(byte[] data, int from, int to) {
        return mac == null ? new byte[0] : Arrays.copyOf(mac.mac(data, from, to), authCodeLength);
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
