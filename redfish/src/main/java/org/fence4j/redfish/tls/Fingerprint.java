package org.fence4j.redfish.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 digest of a certificate's DER encoding, shown as {@code openssl x509 -fingerprint
 * -sha256} does ({@code AB:CD:...}).
 */
public record Fingerprint(byte[] sha256) {
    private static final int LENGTH = 32;

    public Fingerprint {
        sha256 = sha256.clone();
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot digest a certificate", e);
        }
    }

    /**
     * Reads 64 hexadecimal digits, in pairs separated by colons or not, optionally after
     * {@code sha256:} or {@code SHA256=}; throws IllegalArgumentException saying what was expected.
     */
    public static Fingerprint parse(String text) {
        String digits = text.strip().replaceFirst("(?i)^sha-?256[:=/]", "").replace(":", "");
        if (digits.length() == LENGTH * 2) {
            try {
                return new Fingerprint(HexFormat.of().parseHex(digits));
            } catch (IllegalArgumentException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("expected a SHA-256 fingerprint, 64 hexadecimal digits (AB:CD:... as"
                + " 'openssl x509 -noout -fingerprint -sha256' prints it), got '" + text.strip() + "'");
    }

    public boolean matches(Fingerprint other) {
        return MessageDigest.isEqual(sha256, other.sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && matches(f);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(sha256).toUpperCase(Locale.ROOT);
    }
}
