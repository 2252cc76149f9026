package org.fence4j.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/** Integrity algorithms of the session trailer (Open Session payload type 1). */
public enum IntegrityAlgorithm {
    NONE(0, null, 0),
    HMAC_SHA1_96(1, "SHA-1", 12),
    HMAC_MD5_128(2, "MD5", 16),
    HMAC_SHA256_128(4, "SHA-256", 16);

    private final int number;
    private final String digest;
    private final int authCodeLength;

    IntegrityAlgorithm(int number, String digest, int authCodeLength) {
        this.number = number;
        this.digest = digest;
        this.authCodeLength = authCodeLength;
    }

    public int number() {
        return number;
    }

    public int authCodeLength() {
        return authCodeLength;
    }

    /** The trailer's AuthCode over {@code data[from, to)}, keyed with K1. */
    public byte[] authCode(byte[] k1, byte[] data, int from, int to) {
        if (this == NONE) {
            return new byte[0];
        }
        return Arrays.copyOf(Hmac.compute(digest, k1, Arrays.copyOfRange(data, from, to)), authCodeLength);
    }

    /** True when the last {@link #authCodeLength()} bytes of {@code datagram} sign {@code datagram[from, end)}. */
    public boolean verify(byte[] k1, byte[] datagram, int from) {
        int end = datagram.length - authCodeLength;
        if (end < from) {
            return false;
        }
        return MessageDigest.isEqual(authCode(k1, datagram, from, end),
                Arrays.copyOfRange(datagram, end, datagram.length));
    }

    public static Optional<IntegrityAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
