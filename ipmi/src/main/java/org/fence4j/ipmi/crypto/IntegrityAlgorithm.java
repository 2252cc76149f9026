package org.fence4j.ipmi.crypto;

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

    /** K1 keyed for this algorithm, once per session: it signs and checks every packet of it. */
    public IntegrityKey key(byte[] k1) {
        return new IntegrityKey(authCodeLength, this == NONE ? null : Hmac.keyed(digest, k1));
    }

    public static Optional<IntegrityAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
