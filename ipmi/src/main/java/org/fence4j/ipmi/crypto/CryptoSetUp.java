package org.fence4j.ipmi.crypto;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fence4j.ipmi.IpmiException;

/**
 * The JDK's cryptography, set up on a thread of its own. Its first use costs a fencing call tens of
 * milliseconds (the security properties read, every provider up to SunJCE made, the JCE's policy
 * files parsed: bin/bench/README.md); started at a call's first login, it runs beside the work that
 * needs no key (the socket, Get Channel Authentication Capabilities), and a handshake waits for it
 * before Open Session. The random source is the JDK's default, as the security configuration names
 * it: on Linux NativePRNG, whose {@code nextBytes} reads /dev/urandom and never blocks (only
 * {@code generateSeed} reads /dev/random, and nothing here calls it).
 */
public final class CryptoSetUp {
    private final FutureTask<SecureRandom> task = new FutureTask<>(CryptoSetUp::setUp);

    private CryptoSetUp() {
    }

    /** Starts the set-up on a daemon thread: it keeps no call alive. */
    public static CryptoSetUp start() {
        CryptoSetUp setUp = new CryptoSetUp();
        Thread thread = new Thread(setUp.task, "fence4j-crypto-set-up");
        thread.setDaemon(true);
        thread.start();
        return setUp;
    }

    /** The random source (thread-safe) once the set-up is done, waiting at most {@code wait} for it. */
    public SecureRandom random(Duration wait) {
        try {
            return task.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpmiException("interrupted while the JDK's cryptography was set up");
        } catch (TimeoutException e) {
            throw new IpmiException("the JDK's cryptography was not set up before the deadline");
        } catch (ExecutionException e) {
            throw new IpmiException("the JDK's cryptography cannot be set up: " + e.getCause(), e.getCause());
        }
    }

    private static SecureRandom setUp() {
        SecureRandom random = new SecureRandom();
        random.nextInt();
        // keyed once each, the HMACs and the AES of the default suites set their providers up
        CipherSuite.require(17).refusedAlgorithm();
        CipherSuite.require(3).refusedAlgorithm();
        return random;
    }
}
