package org.fence4j.ipmi.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.crypto.CryptoSetUp;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Handshake;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.NothingListensException;
import org.fence4j.ipmi.session.RetryableLoginException;
import org.fence4j.ipmi.session.RoundTrip;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.fence4j.ipmi.session.UnverifiedRefusal;

/**
 * Opens IPMI v2.0 sessions. Each session has a UDP socket of its own, and its requests are sent
 * and answered in the calling thread ({@link Session} blocks until the answer or the deadline): a
 * fencing call is one short process talking to one BMC, where an event loop's threads and
 * set-up cost more than all the round trips. Several threads may share one client to drive
 * several BMCs at once; what it learns of each BMC's round trip serves them all.
 */
public final class IpmiClient {
    /** A fresh handshake needs a few round trips; with less left it is not started. */
    private static final Duration LEAST_FOR_AN_ATTEMPT = Duration.ofMillis(500);
    /** Fresh handshakes one open may start: the deadline ends them sooner, this only bounds a BMC that refuses fast. */
    private static final int MOST_ATTEMPTS = 64;
    /**
     * Fresh attempts in a row that must hear the same unverified refusal for it to be reported:
     * each has a new socket and new session ids, which a forger would have to find again.
     */
    private static final int REFUSALS_TO_BELIEVE = 2;
    /**
     * Fresh attempts in a row told by ICMP that nothing listens on the BMC's port, {@link #UNREACHABLE_PAUSE}
     * apart, for that to be the answer: a BMC restarting its LAN service is given about 2 s to
     * listen again. ICMP is not authenticated: a forged one (on a new source port each attempt)
     * only makes a failure come sooner, never a success, and the chain's next level covers it.
     */
    private static final int UNREACHABLE_TO_BELIEVE = 3;
    private static final Duration UNREACHABLE_PAUSE = Duration.ofSeconds(1);

    /** The JDK's cryptography, one for all clients (thread-safe), setting itself up from the first client on. */
    private static final CryptoSetUp CRYPTO = CryptoSetUp.start();
    /** What was learnt about each BMC's round trip, kept across sessions and login attempts. */
    private final Map<InetSocketAddress, RoundTrip> roundTrips = new ConcurrentHashMap<>();

    /**
     * Opens an authenticated session; a failure is an {@link IpmiException} with a message for the
     * operator. A handshake that gets no answer, or one that cannot be trusted, is started afresh
     * with a new Open Session on a new socket: each attempt lasts at most
     * {@link SessionOptions#loginAttempt()}, and all of them end by {@code deadline}. A refusal
     * that cannot be verified (a wrong user, a proof that does not verify) is reported once
     * {@link #REFUSALS_TO_BELIEVE} fresh attempts in a row heard it, and "nothing listens on the
     * port" once {@link #UNREACHABLE_TO_BELIEVE} attempts in a row were told so by ICMP.
     */
    public Session open(InetSocketAddress bmc, Credentials credentials, SessionOptions options, Deadline deadline)
            throws InterruptedException {
        RoundTrip roundTrip = roundTrips.computeIfAbsent(bmc, b -> new RoundTrip());
        String refusal = null;
        int heard = 0;
        int unreachable = 0;
        long firstUnreachable = 0;
        for (int attempt = 1; ; attempt++) {
            ProtocolSteps.say("ipmi", "login to the BMC at {}:{} as user '{}' (attempt {}{})", bmc.getHostString(),
                    bmc.getPort(), credentials.user(), attempt, attempt == 1 ? "" : ": a fresh Open Session on a new socket");
            try {
                return Handshake.open(DatagramExchanger.connect(bmc, roundTrip), credentials, options,
                        deadline.atMost(options.loginAttempt()), CRYPTO);
            } catch (IpmiException reason) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while logging in to the BMC");
                }
                if (reason instanceof UnverifiedRefusal r) {
                    heard = r.getMessage().equals(refusal) ? heard + 1 : 1;
                    refusal = r.getMessage();
                    if (heard == REFUSALS_TO_BELIEVE) {
                        throw r.meaning(heard);
                    }
                } else {
                    refusal = null;
                }
                if (reason instanceof NothingListensException) {
                    firstUnreachable = unreachable++ == 0 ? System.nanoTime() : firstUnreachable;
                    if (unreachable == UNREACHABLE_TO_BELIEVE) {
                        throw nothingListens(bmc, unreachable, firstUnreachable);
                    }
                } else {
                    unreachable = 0;
                }
                boolean transient_ = reason instanceof NoAnswerException || reason instanceof RetryableLoginException;
                if (!transient_ || attempt == MOST_ATTEMPTS || deadline.remaining().compareTo(LEAST_FOR_AN_ATTEMPT) < 0) {
                    throw attempt == 1 || !transient_ ? reason : again(reason, attempt);
                }
                if (unreachable > 0) {
                    // the ICMP came at once: the next attempt waits for a port that may open again
                    Duration leftForIt = deadline.remaining().minus(LEAST_FOR_AN_ATTEMPT);
                    Thread.sleep(Math.max(0, Math.min(UNREACHABLE_PAUSE.toMillis(), leftForIt.toMillis())));
                }
            }
        }
    }

    /** Why the login ends: fresh attempts in a row were told that nothing listens on the BMC's port. */
    private static NothingListensException nothingListens(InetSocketAddress bmc, int attempts, long since) {
        return new NothingListensException("port unreachable: nothing listens on UDP port " + bmc.getPort() + " at "
                + bmc.getHostString() + " (ICMP port unreachable on " + attempts + " fresh login attempts in "
                + DurationText.of(Duration.ofNanos(System.nanoTime() - since)) + "; is IPMI over LAN enabled on the BMC,"
                + " and ipport right?)");
    }

    /** The last failure, saying how many fresh handshakes were tried. */
    private static IpmiException again(IpmiException cause, int attempts) {
        String message = cause.getMessage() + " (login attempt " + attempts + ")";
        return cause instanceof NoAnswerException ? new NoAnswerException(message) : new RetryableLoginException(message);
    }
}
