package org.fence4j.ipmi.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC-128 payload encryption of IPMI v2.0: {@code IV | AES(K2[0..16], IV, data | 01 02 .. n | n)}.
 * The pad is IPMI's own (not PKCS#7), so the JDK cipher runs without padding.
 */
public final class AesCbc128 {
    public static final int BLOCK = 16;

    private AesCbc128() {
    }

    public static byte[] encrypt(byte[] k2, byte[] iv, byte[] plain) {
        int pad = (BLOCK - (plain.length + 1) % BLOCK) % BLOCK;
        byte[] padded = Arrays.copyOf(plain, plain.length + pad + 1);
        for (int i = 0; i < pad; i++) {
            padded[plain.length + i] = (byte) (i + 1);
        }
        padded[padded.length - 1] = (byte) pad;
        byte[] out = Arrays.copyOf(iv, BLOCK + padded.length);
        System.arraycopy(run(Cipher.ENCRYPT_MODE, k2, iv, padded, 0, padded.length), 0, out, BLOCK, padded.length);
        return out;
    }

    /** The plain payload, or empty if the length or the pad bytes are wrong. */
    public static Optional<byte[]> decrypt(byte[] k2, byte[] ivAndCipherText) {
        int n = ivAndCipherText.length;
        if (n < 2 * BLOCK || n % BLOCK != 0) {
            return Optional.empty();
        }
        byte[] iv = Arrays.copyOf(ivAndCipherText, BLOCK);
        byte[] padded = run(Cipher.DECRYPT_MODE, k2, iv, ivAndCipherText, BLOCK, n - BLOCK);
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

    private static byte[] run(int mode, byte[] k2, byte[] iv, byte[] data, int offset, int length) {
        try {
            Cipher cipher = JdkCrypto.cipher("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(k2, 0, BLOCK, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding is not available in this JDK", e);
        }
    }
}
