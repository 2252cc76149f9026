package org.fence4j.ipmi.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Handshake;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.RetryableLoginException;
import org.fence4j.ipmi.session.RoundTrip;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;

/**
 * The asynchronous IPMI v2.0 client: one event loop drives any number of sessions to any
 * number of BMCs, each session on its own UDP socket.
 */
public final class IpmiClient implements AutoCloseable {
    /** A fresh handshake needs a few round trips; with less left it is not started. */
    private static final Duration LEAST_FOR_AN_ATTEMPT = Duration.ofMillis(500);

    private final EventLoopGroup group;
    private final SecureRandom random = new SecureRandom();
    /** What was learnt about each BMC's round trip, kept across sessions and login attempts. */
    private final Map<InetSocketAddress, RoundTrip> roundTrips = new ConcurrentHashMap<>();

    public IpmiClient() {
        // daemon threads: a forgotten client must not keep a fencing process alive
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ipmi", true), NioIoHandler.newFactory());
    }

    /**
     * Opens an authenticated session; a failure carries a message for the operator. A handshake
     * that gets no answer, or one that cannot be trusted, is started afresh with a new Open Session
     * on a new socket: each attempt lasts at most {@link SessionOptions#loginAttempt()}, and all of
     * them end by {@code deadline}.
     */
    public CompletableFuture<Session> open(InetSocketAddress bmc, Credentials credentials, SessionOptions options,
            Deadline deadline) {
        return attempt(bmc, credentials, options, deadline, 1);
    }

    private CompletableFuture<Session> attempt(InetSocketAddress bmc, Credentials credentials, SessionOptions options,
            Deadline deadline, int n) {
        RoundTrip roundTrip = roundTrips.computeIfAbsent(bmc, b -> new RoundTrip());
        return UdpExchanger.bind(group, bmc, roundTrip)
                .thenCompose(exchanger -> Handshake.open(exchanger, credentials, options,
                        deadline.atMost(options.loginAttempt()), random))
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    boolean transient_ = cause instanceof NoAnswerException || cause instanceof RetryableLoginException;
                    if (transient_ && deadline.remaining().compareTo(LEAST_FOR_AN_ATTEMPT) >= 0) {
                        return attempt(bmc, credentials, options, deadline, n + 1);
                    }
                    return CompletableFuture.failedFuture(n == 1 || !transient_ ? cause : again(cause, n));
                });
    }

    /** The last failure, saying how many fresh handshakes were tried. */
    private static Throwable again(Throwable cause, int attempts) {
        String message = cause.getMessage() + " (login attempt " + attempts + ")";
        return cause instanceof NoAnswerException ? new NoAnswerException(message) : new RetryableLoginException(message);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
