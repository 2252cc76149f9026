package org.fence4j.ipmi.crypto;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Random bytes read from the kernel's {@code /dev/urandom}, the source the JDK's default
 * {@link SecureRandom} reads on Linux too, but without the JDK's provider framework: looking the
 * default up sets up the SUN provider with every service it has, about 10 ms of each fencing call.
 * For session ids, RAKP's random number and the AES IVs. Where the file is missing, the JDK's default.
 */
public final class KernelRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private static final Path SOURCE = Path.of("/dev/urandom");

    private KernelRandom() {
        super(new Urandom(), null);
    }

    /** The kernel's random source, or the JDK's default SecureRandom where it has none. */
    public static SecureRandom create() {
        return Files.isReadable(SOURCE) ? new KernelRandom() : new SecureRandom();
    }

    private static final class Urandom extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private transient InputStream in;

        @Override
        protected void engineSetSeed(byte[] seed) {
            // the kernel pool takes no seed from us; SecureRandom's contract allows ignoring it
            // (it may only add to the randomness, never replace it)
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            try {
                if (in == null) {
                    in = new FileInputStream(SOURCE.toFile());
                }
                if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                    throw new IOException("short read");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read random bytes from " + SOURCE, e);
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
