package org.fence4j.agents.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * A syslog socket of the test's own, for FENCE4J_SYSLOG_SOCKET: util-linux logger falls back to a
 * stream when it cannot send a datagram (the JDK listens on unix sockets only as streams). Keeps
 * every line with the time it arrived.
 */
public final class SyslogSocket implements AutoCloseable {
    /** One line as syslog would have received it, e.g. {@code <26>Nov 29 ... fence4j-meatware[42]: ...}. */
    public record Line(Instant arrived, String text) {
    }

    public final Path path;
    private final ServerSocketChannel server;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Skips the test where util-linux logger, which fence4j's syslog lines go through, is not installed. */
    public static void assumeLogger() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger is not installed");
    }

    /** Listens on {@code path}, a socket made there. */
    public SyslogSocket(Path path) {
        this.path = path;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "syslog-socket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Each connection is one logger run: its lines, to its end; closing the server ends the loop. */
    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            // each connection read on its own, as syslog does: one logger may stay connected for a whole
            // request (the concise log) while another sends its one line
            Thread reader = new Thread(() -> read(client), "syslog-socket-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** A connection's lines, each kept as it arrives, to the connection's end. */
    private void read(SocketChannel client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(new Line(Instant.now(), line));
                }
            }
        } catch (IOException e) {
            // the server closed, or logger went away: what arrived is kept
        }
    }

    /** The first line containing {@code text}; fails if none arrives within {@code limit}. */
    public Line await(String text, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            for (Line line : lines) {
                if (line.text().contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no syslog line with '" + text + "' within " + limit + "; lines: " + lines);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(Duration.ofSeconds(10).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
