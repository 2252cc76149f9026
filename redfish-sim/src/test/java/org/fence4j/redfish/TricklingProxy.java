package org.fence4j.redfish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback for one connection to a service: what the client sends goes on at once,
 * what the service answers comes back one byte every {@code perByte}, as from a BMC whose TLS
 * handshake or answer trickles in. Relays at most {@link #MOST_BYTES} bytes back, then ends.
 */
final class TricklingProxy implements AutoCloseable {
    static final int MOST_BYTES = 20_000;
    private final ServerSocket server;
    private final int servicePort;
    private final Duration perByte;
    private final AtomicInteger relayedBack = new AtomicInteger();
    private final Thread relay;

    TricklingProxy(int servicePort, Duration perByte) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.servicePort = servicePort;
        this.perByte = perByte;
        this.relay = new Thread(this::relayOne, "trickling-proxy");
        relay.setDaemon(true);
        relay.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many bytes of the service's answer reached the client before it hung up. */
    int relayedBack() {
        return relayedBack.get();
    }

    /** Waits, at most {@code limit}, until the relay has ended (the client or the service hung up). */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        relay.join(limit.toMillis());
        return !relay.isAlive();
    }

    private void relayOne() {
        try (Socket client = server.accept();
                Socket service = new Socket(InetAddress.getLoopbackAddress(), servicePort)) {
            Thread forward = new Thread(() -> copy(client, service), "trickling-proxy-forward");
            forward.setDaemon(true);
            forward.start();
            InputStream in = service.getInputStream();
            OutputStream out = client.getOutputStream();
            for (int b; relayedBack.get() < MOST_BYTES && (b = in.read()) >= 0; ) {
                Thread.sleep(perByte.toMillis());
                out.write(b);
                out.flush();
                relayedBack.incrementAndGet();
            }
        } catch (IOException e) {
            // the client hung up: the relay ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side hung up
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        relay.interrupt();
    }
}
