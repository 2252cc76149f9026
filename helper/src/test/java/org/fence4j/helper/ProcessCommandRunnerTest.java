package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real runner with /bin/sh: exit codes, output, and a command that outlives its limit. */
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void exitCodeAndOutput() throws Exception {
        CommandRunner.Result result = runner.run(List.of("/bin/sh", "-c", "echo pm01 pm02; exit 3"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("pm01 pm02\n");
    }

    @Test
    void aMissingProgramCannotRun() {
        assertThatThrownBy(() -> runner.run(List.of("no-such-program-f4j", "-p"), Duration.ofSeconds(10)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aCommandThatOutlivesItsLimitIsKilledWithItsChildren() throws Exception {
        long before = ProcessHandle.current().descendants().count();

        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "sleep 30; true"), Duration.ofMillis(300)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish within 300 ms");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isEqualTo(before);
    }
}
