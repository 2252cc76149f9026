package org.fence4j.ipmi.crypto;

import java.util.Arrays;

/**
 * HMAC (RFC 2104) over fence4j's own {@link Digest}s, not {@code javax.crypto.Mac}: the first
 * use of the JCE framework verifies providers and, on the way, makes the JDK read the service
 * entries of every jar on the class path, tens of milliseconds of every fencing call (ipmi/README.md,
 * Start-up). A keyed instance has absorbed the key's two pads once: each MAC with it hashes two
 * blocks fewer, as a session signs every packet with one key.
 */
final class Hmac {
    private static final byte INNER = 0x36;
    private static final byte OUTER = 0x5c;

    /** The digests after the inner and the outer pad; each MAC continues from copies. */
    private final Digest inner;
    private final Digest outer;

    private Hmac(Digest inner, Digest outer) {
        this.inner = inner;
        this.outer = outer;
    }

    /** HMAC-{@code digest} ("SHA-1", "SHA-256", "MD5") keyed with {@code key}. */
    static Hmac keyed(String digest, byte[] key) {
        Digest inner = Digest.named(digest);
        Digest outer = Digest.named(digest);
        byte[] k = key;
        if (key.length > Digest.BLOCK) {
            Digest hashed = Digest.named(digest);
            hashed.update(key);
            k = hashed.digest();
        }
        byte[] pad = new byte[Digest.BLOCK];
        for (int i = 0; i < Digest.BLOCK; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ INNER);
        }
        inner.update(pad);
        for (int i = 0; i < Digest.BLOCK; i++) {
            pad[i] ^= INNER ^ OUTER;
        }
        outer.update(pad);
        Arrays.fill(pad, (byte) 0);
        return new Hmac(inner, outer);
    }

    /** HMAC-{@code digest} of the concatenated {@code parts}. */
    static byte[] compute(String digest, byte[] key, byte[]... parts) {
        return keyed(digest, key).mac(parts);
    }

    /** The MAC of the concatenated {@code parts}. Not for several threads at once. */
    byte[] mac(byte[]... parts) {
        Digest d = inner.copy();
        for (byte[] part : parts) {
            d.update(part);
        }
        return finish(d);
    }

    /** The MAC of {@code data[from, to)}. */
    byte[] mac(byte[] data, int from, int to) {
        Digest d = inner.copy();
        d.update(data, from, to - from);
        return finish(d);
    }

    private byte[] finish(Digest innerMac) {
        Digest d = outer.copy();
        d.update(innerMac.digest());
        return d.digest();
    }
}
