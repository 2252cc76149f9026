package org.fence4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A server that does nothing with what it receives: only where it listens counts here. */
    private static final class Server extends LoopbackServer {
        Server(boolean tcp, int port) {
            super("test-sim", tcp
                    ? new ServerBootstrap().channel(NioServerSocketChannel.class).childHandler(new ChannelInboundHandlerAdapter())
                    : new Bootstrap().channel(NioDatagramChannel.class).handler(new ChannelInboundHandlerAdapter()),
                    LOOPBACK, port);
        }
    }

    @Test
    void aTcpServerListensOnAFreePortUntilClosed() throws Exception {
        int port;
        try (Server server = new Server(true, 0)) {
            port = server.port();
            assertThat(port).isPositive();
            assertThat(server.address()).isEqualTo(new InetSocketAddress(LOOPBACK, port));
            try (Socket client = new Socket(LOOPBACK, port)) {
                assertThat(client.isConnected()).isTrue();
            }
        }
        try (Server again = new Server(true, port)) {
            assertThat(again.port()).as("closed: its port is free again").isEqualTo(port);
        }
    }

    @Test
    void aPortInUseIsSaidSo() {
        for (boolean tcp : new boolean[] {true, false}) {
            try (Server taken = new Server(tcp, 0)) {
                assertThatThrownBy(() -> new Server(tcp, taken.port()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("cannot listen on " + LOOPBACK.getHostAddress() + ":" + taken.port()
                                + ": the port is in use");
            }
        }
    }
}
