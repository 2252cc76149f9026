package org.fence4j.ipmi.crypto;

/** SHA-1 (FIPS 180-4 §6.1). Rotations are spelled out: the interpreter, which runs most of a short call, calls no intrinsics. */
final class Sha1 extends Digest {
    private final int[] schedule = new int[80];

    Sha1() {
        super(new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}, 20, false);
    }

    private Sha1(Sha1 from) {
        super(from);
    }

    @Override
    Digest copy() {
        return new Sha1(this);
    }

    @Override
    void compress(byte[] block, int offset) {
        int[] w = schedule;
        for (int t = 0; t < 16; t++) {
            w[t] = bigEndian(block, offset + 4 * t);
        }
        for (int t = 16; t < 80; t++) {
            int x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
            w[t] = x << 1 | x >>> 31;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        for (int t = 0; t < 80; t++) {
            int f;
            if (t < 20) {
                f = (b & c | ~b & d) + 0x5a827999;
            } else if (t < 40) {
                f = (b ^ c ^ d) + 0x6ed9eba1;
            } else if (t < 60) {
                f = (b & c | b & d | c & d) + 0x8f1bbcdc;
            } else {
                f = (b ^ c ^ d) + 0xca62c1d6;
            }
            int next = (a << 5 | a >>> 27) + f + e + w[t];
            e = d;
            d = c;
            c = b << 30 | b >>> 2;
            b = a;
            a = next;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }
}
