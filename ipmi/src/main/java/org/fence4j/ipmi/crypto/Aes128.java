package org.fence4j.ipmi.crypto;

/**
 * The AES-128 block cipher (FIPS-197) with one lookup table per direction, each entry a whole
 * round's work on one byte (SubBytes and MixColumns as one 32-bit column; ShiftRows picks the
 * columns): IPMI encrypts a few blocks per packet, and the JCE's {@code Cipher} costs every
 * fencing call more start-up than all of them (see {@link Hmac}). A cold JVM interprets this code,
 * so a round is sixteen lookups rather than sixteen byte substitutions and a matrix product.
 * Tested against FIPS-197's example and the JDK's AES. A wrong block here cannot fake an answer:
 * a BMC's answer is authenticated (HMAC over the cipher text) before it is decrypted.
 */
final class Aes128 {
    static final int BLOCK = 16;
    private static final int ROUNDS = 10;
    private static final byte[] SBOX = new byte[256];
    private static final byte[] INVERSE_SBOX = new byte[256];
    /** For byte x of row 0: MixColumns of the column (S(x), 0, 0, 0), rows 0-3 from the top byte down: 2S, S, S, 3S. */
    private static final int[] ENCRYPT = new int[256];
    /** For byte x of row 0: InvMixColumns of (S'(x), 0, 0, 0) with S' the inverse S-box: 14S', 9S', 13S', 11S'. */
    private static final int[] DECRYPT = new int[256];

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
        for (int x = 0; x < 256; x++) {
            INVERSE_SBOX[SBOX[x] & 0xff] = (byte) x;
        }
        for (int x = 0; x < 256; x++) {
            int s = SBOX[x] & 0xff;
            int s2 = times2(s);
            ENCRYPT[x] = s2 << 24 | s << 16 | s << 8 | (s2 ^ s);
            int i = INVERSE_SBOX[x] & 0xff;
            int i2 = times2(i);
            int i4 = times2(i2);
            int i8 = times2(i4);
            DECRYPT[x] = (i8 ^ i4 ^ i2) << 24 | (i8 ^ i) << 16 | (i8 ^ i4 ^ i) << 8 | (i8 ^ i2 ^ i);
        }
    }

    /** The 11 round keys as 44 columns (row 0 in the top byte). */
    private final int[] encryptKeys = new int[4 * (ROUNDS + 1)];
    /**
     * The round keys of the equivalent inverse cipher (FIPS-197 5.3.5), in the order decryption
     * uses them: the last first, and the nine middle ones through InvMixColumns.
     */
    private final int[] decryptKeys = new int[4 * (ROUNDS + 1)];

    Aes128(byte[] key, int offset) {
        int[] w = encryptKeys;
        for (int i = 0; i < 4; i++) {
            w[i] = column(key, offset + 4 * i);
        }
        int rcon = 1;
        for (int i = 4; i < w.length; i++) {
            int t = w[i - 1];
            if (i % 4 == 0) {
                // RotWord, SubWord, Rcon
                t = subWord(t << 8 | t >>> 24) ^ rcon << 24;
                rcon = times2(rcon);
            }
            w[i] = w[i - 4] ^ t;
        }
        for (int round = 0; round <= ROUNDS; round++) {
            for (int c = 0; c < 4; c++) {
                int k = w[4 * (ROUNDS - round) + c];
                boolean middle = round > 0 && round < ROUNDS;
                // DECRYPT[SBOX[b]] is InvMixColumns of b alone: the inverse S-box undoes the S-box
                decryptKeys[4 * round + c] = middle
                        ? DECRYPT[SBOX[k >>> 24] & 0xff] ^ turn(DECRYPT[SBOX[k >>> 16 & 0xff] & 0xff], 8)
                                ^ turn(DECRYPT[SBOX[k >>> 8 & 0xff] & 0xff], 16)
                                ^ turn(DECRYPT[SBOX[k & 0xff] & 0xff], 24)
                        : k;
            }
        }
    }

    /** Encrypts the block {@code s} in place. */
    void encrypt(byte[] s) {
        cipher(s, encryptKeys, ENCRYPT, SBOX, 1);
    }

    /** Decrypts the block {@code s} in place. */
    void decrypt(byte[] s) {
        cipher(s, decryptKeys, DECRYPT, INVERSE_SBOX, 3);
    }

    /**
     * The rounds of either direction, which differ in their keys, table and S-box, and in where
     * (Inv)ShiftRows takes row r of column c from: column c + r encrypting, c - r = c + 3r decrypting.
     */
    private static void cipher(byte[] block, int[] keys, int[] table, byte[] box, int step) {
        int[] s = new int[4];
        int[] t = new int[4];
        for (int c = 0; c < 4; c++) {
            s[c] = column(block, 4 * c) ^ keys[c];
        }
        for (int round = 1; round < ROUNDS; round++) {
            for (int c = 0; c < 4; c++) {
                t[c] = table[s[c] >>> 24] ^ turn(table[s[(c + step) & 3] >>> 16 & 0xff], 8)
                        ^ turn(table[s[(c + 2 * step) & 3] >>> 8 & 0xff], 16)
                        ^ turn(table[s[(c + 3 * step) & 3] & 0xff], 24) ^ keys[4 * round + c];
            }
            int[] next = t;
            t = s;
            s = next;
        }
        // the last round has no (Inv)MixColumns
        for (int c = 0; c < 4; c++) {
            put(block, 4 * c, lastRound(box, s[c], s[(c + step) & 3], s[(c + 2 * step) & 3], s[(c + 3 * step) & 3])
                    ^ keys[4 * ROUNDS + c]);
        }
    }

    /** One column of the last round: row r substituted from column {@code cr}, without MixColumns. */
    private static int lastRound(byte[] box, int c0, int c1, int c2, int c3) {
        return (box[c0 >>> 24] & 0xff) << 24 | (box[c1 >>> 16 & 0xff] & 0xff) << 16 | (box[c2 >>> 8 & 0xff] & 0xff) << 8
                | box[c3 & 0xff] & 0xff;
    }

    private static int subWord(int w) {
        return lastRound(SBOX, w, w, w, w);
    }

    /** The column's rows moved down by {@code bits} / 8 places (row 3 wraps to row 0). */
    private static int turn(int column, int bits) {
        return column >>> bits | column << (32 - bits);
    }

    private static int column(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private static void put(byte[] b, int at, int column) {
        b[at] = (byte) (column >>> 24);
        b[at + 1] = (byte) (column >>> 16);
        b[at + 2] = (byte) (column >>> 8);
        b[at + 3] = (byte) column;
    }

    /** a * 2 in GF(2^8). */
    private static int times2(int a) {
        return ((a << 1) ^ ((a & 0x80) != 0 ? 0x1b : 0)) & 0xff;
    }

    private static int rotate(int b, int n) {
        return ((b << n) | (b >>> (8 - n))) & 0xff;
    }
}
