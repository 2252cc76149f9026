package org.fence4j.ipmi.crypto;

import java.util.Arrays;
import java.util.Optional;

/** RAKP authentication algorithms (Open Session payload type 0). */
public enum AuthenticationAlgorithm {
    NONE(0, null, 0),
    HMAC_SHA1(1, "HmacSHA1", 12),
    HMAC_MD5(2, "HmacMD5", 16),
    HMAC_SHA256(3, "HmacSHA256", 16);

    private final int number;
    /** The JDK's name of the HMAC; null for {@link #NONE}. */
    private final String mac;
    private final int icvLength;

    AuthenticationAlgorithm(int number, String mac, int icvLength) {
        this.number = number;
        this.mac = mac;
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
        return Hmac.compute(mac, key, parts);
    }

    public byte[] truncatedMac(int length, byte[] key, byte[]... parts) {
        return Arrays.copyOf(mac(key, parts), length);
    }

    /** The JDK's name of its HMAC ("HmacSHA1"), null for {@link #NONE}. */
    String mac() {
        return mac;
    }

    public static Optional<AuthenticationAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
