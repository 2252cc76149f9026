package org.fence4j.meatware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real util-linux logger writing to a syslog socket of the test's own. The JDK listens on unix
 * sockets only as streams; logger falls back to a stream when a datagram cannot connect, and
 * frames the line exactly as it sends it to /dev/log.
 */
class SyslogTest {
    private static final long LIMIT_SECONDS = 20;
    private static final String LINE = "OPERATOR INTERVENTION REQUIRED to reset pm01. Do it by hand, then confirm:"
            + " fence-cli confirm pm01 (or meatclient -c pm01). Waiting up to 10:00.";

    @TempDir
    Path dir;

    @BeforeEach
    void needsLogger() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger is not installed");
    }

    @Test
    void theLineReachesSyslogAtCritLevelWithTheTagAndPid() throws Exception {
        Path socket = dir.resolve("log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Optional<String> failure = new Syslog(socket).crit(LINE).get(LIMIT_SECONDS, TimeUnit.SECONDS);
            String received = receive(server);

            assertThat(failure).isEmpty();
            // <26>: facility daemon (3) * 8 + severity crit (2), as syslog(3) frames it
            assertThat(received).startsWith("<26>")
                    .contains(" fence4j-meatware[" + ProcessHandle.current().pid() + "]: " + LINE);
        }
    }

    @Test
    void aSocketNobodyListensOnIsAWarningNamingIt() throws Exception {
        Path socket = dir.resolve("nobody");
        Optional<String> failure = new Syslog(socket).crit(LINE).get(LIMIT_SECONDS, TimeUnit.SECONDS);

        assertThat(failure).hasValueSatisfying(why -> assertThat(why)
                .startsWith("The operator alert did not reach syslog through " + socket + ": ").contains("nobody"));
    }

    @Test
    void theSocketIsDevLogUnlessTheEnvironmentNamesAnother() {
        assertThat(Syslog.fromEnvironment(Map.<String, String>of()::get)).extracting("socket")
                .isEqualTo(Path.of("/dev/log"));
        assertThat(Syslog.fromEnvironment(Map.of(Syslog.SOCKET_VARIABLE, "/run/test.sock")::get)).extracting("socket")
                .isEqualTo(Path.of("/run/test.sock"));
    }

    /** The one connection logger made (it has exited already), read to its end; bounded in time. */
    private static String receive(ServerSocketChannel server) throws IOException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            assertThat(selector.select(TimeUnit.SECONDS.toMillis(LIMIT_SECONDS))).as("logger connected").isOne();
        }
        try (SocketChannel client = server.accept()) {
            client.configureBlocking(true);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            // logger exited before crit(...) completed: the stream ends after what it wrote
            while (client.read(buffer) > 0) {
                all.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
