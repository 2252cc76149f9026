package org.fence4j.ipmi.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC-128 payload encryption of IPMI v2.0: {@code IV | AES(K2[0..16], IV, data | 01 02 .. n | n)}.
 * The pad is IPMI's own (not PKCS#7), so the JDK's cipher runs without one. Never printed.
 */
public final class AesCbc128 {
    public static final int BLOCK = 16;
    static final String TRANSFORMATION = "AES/CBC/NoPadding";
    static final String PRIMITIVE = "AES-CBC-128";
    /** K2's first 16 bytes, and one cipher re-initialised with each packet's IV. */
    private final SecretKeySpec key;
    private final Cipher cipher;

    public AesCbc128(byte[] k2) {
        key = new SecretKeySpec(k2, 0, BLOCK, "AES");
        try {
            cipher = Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw refused(e);
        }
    }

    public byte[] encrypt(byte[] iv, byte[] plain) {
        int pad = (BLOCK - (plain.length + 1) % BLOCK) % BLOCK;
        byte[] padded = Arrays.copyOf(plain, plain.length + pad + 1);
        for (int i = 0; i < pad; i++) {
            padded[plain.length + i] = (byte) (i + 1);
        }
        padded[padded.length - 1] = (byte) pad;
        byte[] out = Arrays.copyOf(iv, BLOCK + padded.length);
        System.arraycopy(cbc(Cipher.ENCRYPT_MODE, iv, padded, 0, padded.length), 0, out, BLOCK, padded.length);
        return out;
    }

    /** The plain payload, or empty if the length or the pad bytes are wrong. */
    public Optional<byte[]> decrypt(byte[] ivAndCipherText) {
        int n = ivAndCipherText.length;
        if (n < 2 * BLOCK || n % BLOCK != 0) {
            return Optional.empty();
        }
        byte[] padded = cbc(Cipher.DECRYPT_MODE, Arrays.copyOf(ivAndCipherText, BLOCK), ivAndCipherText, BLOCK, n - BLOCK);
        int pad = padded[padded.length - 1] & 0xff;
        if (pad >= BLOCK) {
            return Optional.empty();
        }
        int plainLength = padded.length - 1 - pad;
        for (int i = 0; i < pad; i++) {
            if (padded[plainLength + i] != (byte) (i + 1)) {
                return Optional.empty();
            }
        }
        return Optional.of(Arrays.copyOf(padded, plainLength));
    }

    /** AES-CBC of whole blocks, without padding; {@code mode} is {@link Cipher#ENCRYPT_MODE} or DECRYPT_MODE. */
    byte[] cbc(int mode, byte[] iv, byte[] data, int offset, int length) {
        try {
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher.doFinal(data, offset, length);
        } catch (GeneralSecurityException e) {
            throw refused(e);
        }
    }

    /** True when the JDK's configuration offers AES-CBC and lets it be keyed. */
    static boolean allowed() {
        try {
            new AesCbc128(new byte[BLOCK]).cbc(Cipher.ENCRYPT_MODE, new byte[BLOCK], new byte[BLOCK], 0, BLOCK);
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    private static IllegalStateException refused(GeneralSecurityException e) {
        return new IllegalStateException(PRIMITIVE + " is not allowed by this JDK's security configuration", e);
    }

    @Override
    public String toString() {
        return "AesCbc128[******]";
    }
}
