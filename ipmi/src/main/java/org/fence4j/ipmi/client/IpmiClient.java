package org.fence4j.ipmi.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Handshake;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;

/**
 * The asynchronous IPMI v2.0 client: one event loop drives any number of sessions to any
 * number of BMCs, each session on its own UDP socket.
 */
public final class IpmiClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final SecureRandom random = new SecureRandom();

    public IpmiClient() {
        // daemon threads: a forgotten client must not keep a fencing process alive
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ipmi", true), NioIoHandler.newFactory());
    }

    /** Opens an authenticated session; a failure carries a message for the operator. */
    public CompletableFuture<Session> open(InetSocketAddress bmc, Credentials credentials, SessionOptions options,
            Deadline deadline) {
        return UdpExchanger.bind(group, bmc)
                .thenCompose(exchanger -> Handshake.open(exchanger, credentials, options, deadline, random));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
