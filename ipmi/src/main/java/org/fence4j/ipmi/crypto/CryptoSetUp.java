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
 * files parsed: bin/bench/README.md); started with the first client, it runs beside the work that
 * needs no key. The random source comes first, for Open Session's session ID; the providers of the
 * HMACs and AES then, for RAKP. The random source is the JDK's default, as the security
 * configuration names it: on Linux NativePRNG, whose {@code nextBytes} reads /dev/urandom and never
 * blocks (only {@code generateSeed} reads /dev/random, and nothing here calls it).
 */
public final class CryptoSetUp {
    private final FutureTask<SecureRandom> random = new FutureTask<>(CryptoSetUp::newRandom);
    private final FutureTask<Void> providers = new FutureTask<>(CryptoSetUp::setUpProviders, null);

    private CryptoSetUp() {
    }

    /** Starts the set-up on a daemon thread: it keeps no call alive. */
    public static CryptoSetUp start() {
        CryptoSetUp setUp = new CryptoSetUp();
        Thread thread = new Thread(() -> {
            setUp.random.run();
            setUp.providers.run();
        }, "fence4j-crypto-set-up");
        thread.setDaemon(true);
        thread.start();
        return setUp;
    }

    /** The random source (thread-safe), waiting at most {@code wait} for it. */
    public SecureRandom random(Duration wait) {
        return await(random, wait);
    }

    /** Returns once the HMACs' and AES's providers are set up, waiting at most {@code wait}. */
    public void awaitProviders(Duration wait) {
        await(providers, wait);
    }

    private static <T> T await(FutureTask<T> task, Duration wait) {
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

    private static SecureRandom newRandom() {
        SecureRandom random = new SecureRandom();
        random.nextInt();
        return random;
    }

    /** Keys the HMACs and the AES of the default suites once each, which sets their providers up. */
    private static void setUpProviders() {
        CipherSuite.require(17).refusedAlgorithm();
        CipherSuite.require(3).refusedAlgorithm();
    }
}
