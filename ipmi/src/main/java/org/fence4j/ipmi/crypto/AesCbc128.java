package org.fence4j.ipmi.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * AES-CBC-128 payload encryption of IPMI v2.0: {@code IV | AES(K2[0..16], IV, data | 01 02 .. n | n)}.
 * The pad is IPMI's own (not PKCS#7); the block cipher is {@link Aes128}. Never printed.
 */
public final class AesCbc128 {
    public static final int BLOCK = Aes128.BLOCK;
    /** K2's first 16 bytes, expanded once per session. */
    private final Aes128 aes;

    public AesCbc128(byte[] k2) {
        aes = new Aes128(k2, 0);
    }

    public byte[] encrypt(byte[] iv, byte[] plain) {
        int pad = (BLOCK - (plain.length + 1) % BLOCK) % BLOCK;
        byte[] padded = Arrays.copyOf(plain, plain.length + pad + 1);
        for (int i = 0; i < pad; i++) {
            padded[plain.length + i] = (byte) (i + 1);
        }
        padded[padded.length - 1] = (byte) pad;
        byte[] out = Arrays.copyOf(iv, BLOCK + padded.length);
        System.arraycopy(run(true, iv, padded, 0, padded.length), 0, out, BLOCK, padded.length);
        return out;
    }

    /** The plain payload, or empty if the length or the pad bytes are wrong. */
    public Optional<byte[]> decrypt(byte[] ivAndCipherText) {
        int n = ivAndCipherText.length;
        if (n < 2 * BLOCK || n % BLOCK != 0) {
            return Optional.empty();
        }
        byte[] iv = Arrays.copyOf(ivAndCipherText, BLOCK);
        byte[] padded = run(false, iv, ivAndCipherText, BLOCK, n - BLOCK);
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

    /** AES-CBC over whole blocks, without padding. */
    private byte[] run(boolean encrypt, byte[] iv, byte[] data, int offset, int length) {
        byte[] out = new byte[length];
        byte[] chain = iv.clone();
        byte[] block = new byte[BLOCK];
        for (int at = 0; at < length; at += BLOCK) {
            System.arraycopy(data, offset + at, block, 0, BLOCK);
            if (encrypt) {
                for (int i = 0; i < BLOCK; i++) {
                    block[i] ^= chain[i];
                }
                aes.encrypt(block);
                System.arraycopy(block, 0, chain, 0, BLOCK);
            } else {
                byte[] cipherText = block.clone();
                aes.decrypt(block);
                for (int i = 0; i < BLOCK; i++) {
                    block[i] ^= chain[i];
                }
                chain = cipherText;
            }
            System.arraycopy(block, 0, out, at, BLOCK);
        }
        return out;
    }

    @Override
    public String toString() {
        return "AesCbc128[******]";
    }
}
