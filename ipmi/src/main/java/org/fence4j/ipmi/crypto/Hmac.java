package org.fence4j.ipmi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC (RFC 2104) over the JDK's message digests. Not {@code javax.crypto.Mac}: the first use of
 * the JCE framework verifies providers and, on the way, makes the JDK read the service entries
 * of every jar on the class path, tens of milliseconds of every fencing call (ipmi/README.md,
 * Start-up). The digests come from the JDK's first provider, which a start-up loads anyway.
 */
final class Hmac {
    /** The block size of MD5, SHA-1 and SHA-256. */
    private static final int BLOCK = 64;
    private static final byte INNER = 0x36;
    private static final byte OUTER = 0x5c;
    private static final Map<String, MessageDigest> PRISTINE = new ConcurrentHashMap<>();

    private Hmac() {
    }

    /** HMAC-{@code digest} of the concatenated {@code parts}; {@code digest} is a JDK name ("SHA-1"). */
    static byte[] compute(String digest, byte[] key, byte[]... parts) {
        MessageDigest md = digest(digest);
        byte[] k = key.length > BLOCK ? md.digest(key) : key;
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ INNER);
        }
        md.update(pad);
        for (byte[] part : parts) {
            md.update(part);
        }
        byte[] inner = md.digest();
        for (int i = 0; i < BLOCK; i++) {
            pad[i] ^= INNER ^ OUTER;
        }
        md.update(pad);
        md.update(inner);
        Arrays.fill(pad, (byte) 0);
        return md.digest();
    }

    /**
     * A fresh digest: a copy of the first one made for {@code name} (and never updated). Looking the
     * algorithm up in the providers each time cost a third as much as the hashing of the HMAC itself.
     */
    private static MessageDigest digest(String name) {
        try {
            return (MessageDigest) PRISTINE.computeIfAbsent(name, Hmac::lookUp).clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(name);
        }
    }

    private static MessageDigest lookUp(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }
}
