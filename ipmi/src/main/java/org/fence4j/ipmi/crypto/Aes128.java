package org.fence4j.ipmi.crypto;

/**
 * The AES-128 block cipher (FIPS-197), byte by byte: IPMI encrypts a few blocks per packet, and
 * the JCE's {@code Cipher} costs every fencing call more start-up than all of them (see
 * {@link Hmac}). Tested against FIPS-197's example and the JDK's AES. A wrong block here
 * cannot fake an answer: a BMC's answer is authenticated (HMAC over the cipher text) before it
 * is decrypted.
 */
final class Aes128 {
    static final int BLOCK = 16;
    private static final int ROUNDS = 10;
    private static final byte[] SBOX = new byte[256];
    private static final byte[] INVERSE_SBOX = new byte[256];

    static {
        // the S-box from its definition: the multiplicative inverse in GF(2^8), then the affine map
        // (p walks the field by powers of 3, q by powers of 3's inverse, so q = 1/p)
        int p = 1;
        int q = 1;
        do {
            p ^= times2(p);
            q ^= q << 1;
            q ^= q << 2;
            q ^= q << 4;
            q &= 0xff;
            if ((q & 0x80) != 0) {
                q ^= 0x09;
            }
            int s = q ^ rotate(q, 1) ^ rotate(q, 2) ^ rotate(q, 3) ^ rotate(q, 4) ^ 0x63;
            SBOX[p] = (byte) s;
        } while (p != 1);
        SBOX[0] = 0x63;
        for (int i = 0; i < 256; i++) {
            INVERSE_SBOX[SBOX[i] & 0xff] = (byte) i;
        }
    }

    /** The 11 round keys, 16 bytes each. */
    private final byte[] roundKeys = new byte[BLOCK * (ROUNDS + 1)];

    Aes128(byte[] key, int offset) {
        System.arraycopy(key, offset, roundKeys, 0, BLOCK);
        int rcon = 1;
        for (int i = BLOCK; i < roundKeys.length; i += 4) {
            byte t0 = roundKeys[i - 4];
            byte t1 = roundKeys[i - 3];
            byte t2 = roundKeys[i - 2];
            byte t3 = roundKeys[i - 1];
            if (i % BLOCK == 0) {
                // RotWord, SubWord, Rcon
                byte first = t0;
                t0 = (byte) (SBOX[t1 & 0xff] ^ rcon);
                t1 = SBOX[t2 & 0xff];
                t2 = SBOX[t3 & 0xff];
                t3 = SBOX[first & 0xff];
                rcon = times2(rcon);
            }
            roundKeys[i] = (byte) (roundKeys[i - BLOCK] ^ t0);
            roundKeys[i + 1] = (byte) (roundKeys[i - BLOCK + 1] ^ t1);
            roundKeys[i + 2] = (byte) (roundKeys[i - BLOCK + 2] ^ t2);
            roundKeys[i + 3] = (byte) (roundKeys[i - BLOCK + 3] ^ t3);
        }
    }

    /** Encrypts the block {@code s} in place. */
    void encrypt(byte[] s) {
        addRoundKey(s, 0);
        for (int round = 1; round <= ROUNDS; round++) {
            for (int i = 0; i < BLOCK; i++) {
                s[i] = SBOX[s[i] & 0xff];
            }
            shiftRows(s, 1);
            if (round < ROUNDS) {
                mixColumns(s);
            }
            addRoundKey(s, round);
        }
    }

    /** Decrypts the block {@code s} in place. */
    void decrypt(byte[] s) {
        addRoundKey(s, ROUNDS);
        for (int round = ROUNDS - 1; round >= 0; round--) {
            shiftRows(s, 3);
            for (int i = 0; i < BLOCK; i++) {
                s[i] = INVERSE_SBOX[s[i] & 0xff];
            }
            addRoundKey(s, round);
            if (round > 0) {
                inverseMixColumns(s);
            }
        }
    }

    private void addRoundKey(byte[] s, int round) {
        for (int i = 0; i < BLOCK; i++) {
            s[i] ^= roundKeys[round * BLOCK + i];
        }
    }

    /** Row r (bytes r, r+4, r+8, r+12) turns left by r * {@code step} places: step 1 encrypts, 3 decrypts. */
    private static void shiftRows(byte[] s, int step) {
        byte[] t = s.clone();
        for (int r = 1; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                s[r + 4 * c] = t[r + 4 * ((c + r * step) % 4)];
            }
        }
    }

    private static void mixColumns(byte[] s) {
        for (int c = 0; c < BLOCK; c += 4) {
            int a0 = s[c] & 0xff;
            int a1 = s[c + 1] & 0xff;
            int a2 = s[c + 2] & 0xff;
            int a3 = s[c + 3] & 0xff;
            s[c] = (byte) (times2(a0) ^ times2(a1) ^ a1 ^ a2 ^ a3);
            s[c + 1] = (byte) (a0 ^ times2(a1) ^ times2(a2) ^ a2 ^ a3);
            s[c + 2] = (byte) (a0 ^ a1 ^ times2(a2) ^ times2(a3) ^ a3);
            s[c + 3] = (byte) (times2(a0) ^ a0 ^ a1 ^ a2 ^ times2(a3));
        }
    }

    private static void inverseMixColumns(byte[] s) {
        int[] a = new int[4];
        int[] x2 = new int[4];
        int[] x4 = new int[4];
        int[] x8 = new int[4];
        for (int c = 0; c < BLOCK; c += 4) {
            for (int i = 0; i < 4; i++) {
                a[i] = s[c + i] & 0xff;
                x2[i] = times2(a[i]);
                x4[i] = times2(x2[i]);
                x8[i] = times2(x4[i]);
            }
            for (int i = 0; i < 4; i++) {
                // row i of the inverse matrix: 14, 11, 13, 9 turned right by i (14 = 8+4+2, 11 = 8+2+1, 13 = 8+4+1, 9 = 8+1)
                int j = (i + 1) % 4;
                int k = (i + 2) % 4;
                int l = (i + 3) % 4;
                s[c + i] = (byte) ((x8[i] ^ x4[i] ^ x2[i]) ^ (x8[j] ^ x2[j] ^ a[j]) ^ (x8[k] ^ x4[k] ^ a[k]) ^ (x8[l] ^ a[l]));
            }
        }
    }

    /** a * 2 in GF(2^8). */
    private static int times2(int a) {
        return ((a << 1) ^ ((a & 0x80) != 0 ? 0x1b : 0)) & 0xff;
    }

    private static int rotate(int b, int n) {
        return ((b << n) | (b >>> (8 - n))) & 0xff;
    }
}
