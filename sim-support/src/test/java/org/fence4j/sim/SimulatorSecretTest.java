package org.fence4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.fence4j.agents.spi.Secret;
import org.fence4j.agents.testing.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorSecretTest {
    private static final String VALUE = "s3cret-Value";

    @Test
    void aFileGivesItsFirstLine(@TempDir Path dir) throws Exception {
        Path file = SecretFiles.write(dir.resolve("pw"), VALUE + "\nnot this\n");
        Secret secret = SimulatorSecret.fromFile(file, "password");
        assertThat(new String(secret.bytes(), StandardCharsets.UTF_8)).isEqualTo(VALUE);
        assertThat(secret.toString()).doesNotContain(VALUE);
    }

    @Test
    void aFileOthersCanReadIsRefusedWithoutShowingItsValue(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), VALUE + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SimulatorSecret.fromFile(file, "password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read " + file + ": others can read it (mode 0644)")
                .hasMessageEndingWith("; expected a regular file whose first line is the password")
                .message().doesNotContain(VALUE);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("absent");
        assertThatThrownBy(() -> SimulatorSecret.fromFile(file, "secret"))
                .hasMessage("cannot read " + file + ": there is no such file; expected a regular file whose first line"
                        + " is the secret");
    }

    @Test
    void anEnvironmentVariableGivesItsValue() {
        Secret secret = SimulatorSecret.fromEnvironment("BMC_PASSWORD", Map.of("BMC_PASSWORD", VALUE, "OTHER", "x"));
        assertThat(new String(secret.bytes(), StandardCharsets.UTF_8)).isEqualTo(VALUE);
    }

    @Test
    void anUnsetVariableIsNamed() {
        assertThatThrownBy(() -> SimulatorSecret.fromEnvironment("BMC_PASSWORD", Map.of("OTHER", VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable BMC_PASSWORD is not set");
    }
}
