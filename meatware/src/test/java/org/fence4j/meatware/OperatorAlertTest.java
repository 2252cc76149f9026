package org.fence4j.meatware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.syslog.Syslog;
import org.fence4j.agents.testing.SyslogSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert through the real util-linux logger, to a syslog socket of the test's own. */
class OperatorAlertTest {
    private static final long LIMIT_SECONDS = 20;
    private static final String LINE = "OPERATOR INTERVENTION REQUIRED to reset pm01.";

    @TempDir
    Path dir;

    @BeforeEach
    void needsLogger() {
        SyslogSocket.assumeLogger();
    }

    @Test
    void theAlertIsCriticalAndTaggedAsMeatware() throws Exception {
        try (SyslogSocket socket = new SyslogSocket(dir.resolve("log"))) {
            assertThat(new OperatorAlert(new Syslog(socket.path)).send(LINE).get(LIMIT_SECONDS, TimeUnit.SECONDS))
                    .isEmpty();
            assertThat(socket.await(LINE, Duration.ofSeconds(LIMIT_SECONDS)).text()).startsWith("<26>")
                    .contains(" fence4j-meatware[" + ProcessHandle.current().pid() + "]: " + LINE);
        }
    }

    @Test
    void aSocketNobodyListensOnIsAWarningNamingIt() throws Exception {
        Path socket = dir.resolve("nobody");
        Optional<String> failure = new OperatorAlert(new Syslog(socket)).send(LINE).get(LIMIT_SECONDS, TimeUnit.SECONDS);

        assertThat(failure).hasValueSatisfying(why -> assertThat(why)
                .startsWith("The operator alert did not reach syslog through " + socket + ": ").contains("nobody"));
    }
}
