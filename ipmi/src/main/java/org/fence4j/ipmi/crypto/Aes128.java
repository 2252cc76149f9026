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
                                ^ turn(DECRYPT[SBOX[k >>> 8 & 0xff] & 0xff], 16) ^ turn(DECRYPT[SBOX[k & 0xff] & 0xff], 24)
                        : k;
            }
        }
    }

    /** Encrypts the block {@code s} in place. */
    void encrypt(byte[] s) {
        int[] k = encryptKeys;
        int s0 = column(s, 0) ^ k[0];
        int s1 = column(s, 4) ^ k[1];
        int s2 = column(s, 8) ^ k[2];
        int s3 = column(s, 12) ^ k[3];
        for (int round = 1; round < ROUNDS; round++) {
            // ShiftRows: row r of column c comes from column c + r
            int t0 = ENCRYPT[s0 >>> 24] ^ turn(ENCRYPT[s1 >>> 16 & 0xff], 8) ^ turn(ENCRYPT[s2 >>> 8 & 0xff], 16)
                    ^ turn(ENCRYPT[s3 & 0xff], 24) ^ k[4 * round];
            int t1 = ENCRYPT[s1 >>> 24] ^ turn(ENCRYPT[s2 >>> 16 & 0xff], 8) ^ turn(ENCRYPT[s3 >>> 8 & 0xff], 16)
                    ^ turn(ENCRYPT[s0 & 0xff], 24) ^ k[4 * round + 1];
            int t2 = ENCRYPT[s2 >>> 24] ^ turn(ENCRYPT[s3 >>> 16 & 0xff], 8) ^ turn(ENCRYPT[s0 >>> 8 & 0xff], 16)
                    ^ turn(ENCRYPT[s1 & 0xff], 24) ^ k[4 * round + 2];
            int t3 = ENCRYPT[s3 >>> 24] ^ turn(ENCRYPT[s0 >>> 16 & 0xff], 8) ^ turn(ENCRYPT[s1 >>> 8 & 0xff], 16)
                    ^ turn(ENCRYPT[s2 & 0xff], 24) ^ k[4 * round + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        // the last round has no MixColumns
        put(s, 0, lastRound(SBOX, s0, s1, s2, s3) ^ k[40]);
        put(s, 4, lastRound(SBOX, s1, s2, s3, s0) ^ k[41]);
        put(s, 8, lastRound(SBOX, s2, s3, s0, s1) ^ k[42]);
        put(s, 12, lastRound(SBOX, s3, s0, s1, s2) ^ k[43]);
    }

    /** Decrypts the block {@code s} in place. */
    void decrypt(byte[] s) {
        int[] k = decryptKeys;
        int s0 = column(s, 0) ^ k[0];
        int s1 = column(s, 4) ^ k[1];
        int s2 = column(s, 8) ^ k[2];
        int s3 = column(s, 12) ^ k[3];
        for (int round = 1; round < ROUNDS; round++) {
            // InvShiftRows: row r of column c comes from column c - r
            int t0 = DECRYPT[s0 >>> 24] ^ turn(DECRYPT[s3 >>> 16 & 0xff], 8) ^ turn(DECRYPT[s2 >>> 8 & 0xff], 16)
                    ^ turn(DECRYPT[s1 & 0xff], 24) ^ k[4 * round];
            int t1 = DECRYPT[s1 >>> 24] ^ turn(DECRYPT[s0 >>> 16 & 0xff], 8) ^ turn(DECRYPT[s3 >>> 8 & 0xff], 16)
                    ^ turn(DECRYPT[s2 & 0xff], 24) ^ k[4 * round + 1];
            int t2 = DECRYPT[s2 >>> 24] ^ turn(DECRYPT[s1 >>> 16 & 0xff], 8) ^ turn(DECRYPT[s0 >>> 8 & 0xff], 16)
                    ^ turn(DECRYPT[s3 & 0xff], 24) ^ k[4 * round + 2];
            int t3 = DECRYPT[s3 >>> 24] ^ turn(DECRYPT[s2 >>> 16 & 0xff], 8) ^ turn(DECRYPT[s1 >>> 8 & 0xff], 16)
                    ^ turn(DECRYPT[s0 & 0xff], 24) ^ k[4 * round + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        put(s, 0, lastRound(INVERSE_SBOX, s0, s3, s2, s1) ^ k[40]);
        put(s, 4, lastRound(INVERSE_SBOX, s1, s0, s3, s2) ^ k[41]);
        put(s, 8, lastRound(INVERSE_SBOX, s2, s1, s0, s3) ^ k[42]);
        put(s, 12, lastRound(INVERSE_SBOX, s3, s2, s1, s0) ^ k[43]);
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
