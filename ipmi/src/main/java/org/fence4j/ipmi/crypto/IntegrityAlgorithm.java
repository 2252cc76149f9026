package org.fence4j.ipmi.crypto;

import java.util.Arrays;
import java.util.Optional;

/** Integrity algorithms of the session trailer (Open Session payload type 1). */
public enum IntegrityAlgorithm {
    NONE(0, null, 0),
    HMAC_SHA1_96(1, "HmacSHA1", 12),
    HMAC_MD5_128(2, "HmacMD5", 16),
    HMAC_SHA256_128(4, "HmacSHA256", 16);

    private final int number;
    /** The JDK's name of the HMAC; null for {@link #NONE}. */
    private final String mac;
    private final int authCodeLength;

    IntegrityAlgorithm(int number, String mac, int authCodeLength) {
        this.number = number;
        this.mac = mac;
        this.authCodeLength = authCodeLength;
    }

    public int number() {
        return number;
    }

    public int authCodeLength() {
        return authCodeLength;
    }

    /** K1 keyed for this algorithm, once per session: it signs and checks every packet of it. */
    public IntegrityKey key(byte[] k1) {
        return new IntegrityKey(authCodeLength, this == NONE ? null : Hmac.keyed(mac, k1));
    }

    /** The JDK's name of its HMAC ("HmacSHA1"), null for {@link #NONE}. */
    String mac() {
        return mac;
    }

    public static Optional<IntegrityAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
