package org.fence4j.ipmi.crypto;

/** MD5 (RFC 1321), for the cipher suites that still use it (6-8). */
final class Md5 extends Digest {
    private static final int[] SHIFT = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    /** RFC 1321's table: the integer part of 2^32 |sin(i + 1)|. */
    private static final int[] T = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            T[i] = (int) (long) (Math.abs(StrictMath.sin(i + 1)) * 4294967296.0);
        }
    }

    private final int[] words = new int[16];

    Md5() {
        super(new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, 16, true);
    }

    private Md5(Md5 from) {
        super(from);
    }

    @Override
    Digest copy() {
        return new Md5(this);
    }

    @Override
    void compress(byte[] block, int offset) {
        int[] m = words;
        for (int i = 0; i < 16; i++) {
            int at = offset + 4 * i;
            m[i] = block[at] & 0xff | (block[at + 1] & 0xff) << 8 | (block[at + 2] & 0xff) << 16 | block[at + 3] << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = b & c | ~b & d;
                g = i;
            } else if (i < 32) {
                f = d & b | ~d & c;
                g = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
            } else {
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
            }
            int x = a + f + T[i] + m[g];
            int s = SHIFT[(i >>> 4) * 4 + (i & 3)];
            a = d;
            d = c;
            c = b;
            b += x << s | x >>> 32 - s;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
