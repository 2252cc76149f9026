package org.fence4j.sim;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A simulator's Netty server: one channel on a loopback address, served by one daemon thread (a
 * simulated BMC answers one client at a time). Bound when made, until {@link #close()}.
 */
public abstract class LoopbackServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    /**
     * Binds {@code bootstrap} (its channel type and handlers set, no group yet) to {@code address}
     * (one that {@link LoopbackAddress} let through) and {@code port} (0: a free one), its thread named
     * after {@code threads}; an IllegalStateException saying why when it cannot.
     */
    protected LoopbackServer(String threads, AbstractBootstrap<?, ?> bootstrap, InetAddress address, int port) {
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threads, true), NioIoHandler.newFactory());
        try {
            channel = bootstrap.group(group).bind(new InetSocketAddress(address, port)).syncUninterruptibly().channel();
        } catch (Exception e) { // also the bind's own BindException, which Netty throws undeclared
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + (e instanceof BindException ? "the port is in use" : e.getMessage()), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
