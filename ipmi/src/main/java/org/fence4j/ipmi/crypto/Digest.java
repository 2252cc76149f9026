package org.fence4j.ipmi.crypto;

import java.util.Arrays;

/**
 * A message digest of the MD family (MD5, SHA-1, SHA-256: 64-byte blocks, a 64-bit length in the
 * last one), written here rather than taken from {@link java.security.MessageDigest}: the JDK's
 * digests come through its provider framework, whose set-up (the SUN provider registering every
 * service it has) cost each fencing call about 10 ms, more than all of its hashing. The subclasses
 * hold only the compression function. Tested against the JDK's digests. Not thread-safe; a
 * {@link #copy()} continues from the same state, which is how HMAC reuses its keyed pads.
 */
abstract class Digest {
    static final int BLOCK = 64;

    /** The chaining state, in words. */
    final int[] state;
    /** Length of the digest in bytes. */
    private final int size;
    /** MD5 writes its words and the message length little-endian, the SHAs big-endian. */
    private final boolean littleEndian;
    private final byte[] pending;
    private int buffered;
    private long length;

    Digest(int[] initialState, int size, boolean littleEndian) {
        state = initialState.clone();
        this.size = size;
        this.littleEndian = littleEndian;
        pending = new byte[BLOCK];
    }

    Digest(Digest from) {
        state = from.state.clone();
        size = from.size;
        littleEndian = from.littleEndian;
        pending = from.pending.clone();
        buffered = from.buffered;
        length = from.length;
    }

    /** The digest of a JDK name: "MD5", "SHA-1" or "SHA-256". */
    static Digest named(String name) {
        return switch (name) {
            case "MD5" -> new Md5();
            case "SHA-1" -> new Sha1();
            case "SHA-256" -> new Sha256();
            default -> throw new IllegalArgumentException("no digest named " + name);
        };
    }

    /** A digest that goes on from this one's state; this one is unchanged. */
    abstract Digest copy();

    /** Mixes the 64-byte block at {@code block[offset]} into {@link #state}. */
    abstract void compress(byte[] block, int offset);

    final void update(byte[] in) {
        update(in, 0, in.length);
    }

    final void update(byte[] in, int offset, int count) {
        length += count;
        if (buffered > 0) {
            int n = Math.min(BLOCK - buffered, count);
            System.arraycopy(in, offset, pending, buffered, n);
            buffered += n;
            offset += n;
            count -= n;
            if (buffered < BLOCK) {
                return;
            }
            compress(pending, 0);
            buffered = 0;
        }
        for (; count >= BLOCK; offset += BLOCK, count -= BLOCK) {
            compress(in, offset);
        }
        System.arraycopy(in, offset, pending, 0, count);
        buffered = count;
    }

    /** The digest of everything given so far; this digest is spent after it. */
    final byte[] digest() {
        long bits = length * 8;
        pending[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            Arrays.fill(pending, buffered, BLOCK, (byte) 0);
            compress(pending, 0);
            buffered = 0;
        }
        Arrays.fill(pending, buffered, BLOCK - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            pending[BLOCK - 8 + i] = (byte) (bits >>> 8 * (littleEndian ? i : 7 - i));
        }
        compress(pending, 0);
        Arrays.fill(pending, (byte) 0);
        byte[] out = new byte[size];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (state[i / 4] >>> 8 * (littleEndian ? i % 4 : 3 - i % 4));
        }
        Arrays.fill(state, 0);
        return out;
    }

    /** The big-endian word at {@code b[i]}. */
    static int bigEndian(byte[] b, int i) {
        return b[i] << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
    }
}
