package org.fence4j.ipmi.crypto;

import java.util.Arrays;
import java.util.Optional;

/** RAKP authentication algorithms (Open Session payload type 0). */
public enum AuthenticationAlgorithm {
    NONE(0, null, 0),
    HMAC_SHA1(1, "SHA-1", 12),
    HMAC_MD5(2, "MD5", 16),
    HMAC_SHA256(3, "SHA-256", 16);

    private final int number;
    private final String digest;
    private final int icvLength;

    AuthenticationAlgorithm(int number, String digest, int icvLength) {
        this.number = number;
        this.digest = digest;
        this.icvLength = icvLength;
    }

    public int number() {
        return number;
    }

    /** Length of the RAKP 4 integrity check value (HMAC truncated). */
    public int icvLength() {
        return icvLength;
    }

    public byte[] mac(byte[] key, byte[]... parts) {
        if (this == NONE) {
            return new byte[0];
        }
        return Hmac.compute(digest, key, parts);
    }

    public byte[] truncatedMac(int length, byte[] key, byte[]... parts) {
        return Arrays.copyOf(mac(key, parts), length);
    }

    public static Optional<AuthenticationAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
