package org.fence4j.agents.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.testing.SyslogSocket;
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
        SyslogSocket.assumeLogger();
    }

    @Test
    void theLineReachesSyslogWithItsSeverityTheTagAndPid() throws Exception {
        try (SyslogSocket socket = new SyslogSocket(dir.resolve("log"))) {
            Optional<String> failure = new Syslog(socket.path).send("fence4j-meatware", Syslog.Severity.CRIT, LINE)
                    .get(LIMIT_SECONDS, TimeUnit.SECONDS);
            String received = socket.await(LINE, Duration.ofSeconds(LIMIT_SECONDS)).text();

            assertThat(failure).isEmpty();
            // <26>: facility daemon (3) * 8 + severity crit (2), as syslog(3) frames it
            assertThat(received).startsWith("<26>")
                    .contains(" fence4j-meatware[" + ProcessHandle.current().pid() + "]: " + LINE);
        }
    }

    @Test
    void aSocketNobodyListensOnIsNamedInTheFailure() throws Exception {
        Path socket = dir.resolve("nobody");
        Optional<String> failure = new Syslog(socket).send("fence4j", Syslog.Severity.NOTICE, LINE)
                .get(LIMIT_SECONDS, TimeUnit.SECONDS);

        assertThat(failure).hasValueSatisfying(why -> assertThat(why).contains("nobody"));
    }

    @Test
    void theSocketIsDevLogUnlessTheEnvironmentNamesAnother() {
        assertThat(Syslog.fromEnvironment(Map.<String, String>of()::get).socket()).isEqualTo(Path.of("/dev/log"));
        assertThat(Syslog.fromEnvironment(Map.of(Syslog.SOCKET_VARIABLE, "/run/test.sock")::get).socket())
                .isEqualTo(Path.of("/run/test.sock"));
    }
}
