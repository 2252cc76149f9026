package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.Nobody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion script, run by bash as TAB runs it. */
class CompletionTest {
    static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    Path config;

    /** A stand-in fence-cli on the PATH that says it ran and with what. */
    @BeforeEach
    void writeScriptAndStandIn() throws Exception {
        Files.writeString(dir.resolve("fence-cli.bash"), Completion.bash(FenceCli.commandLine(Terminal.system()),
                List.of("chain", "ipmi", "toy")));
        Path standIn = Files.writeString(dir.resolve("fence-cli"), "#!/bin/sh\necho \"ran:$*\"\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = Files.writeString(dir.resolve("fence4j.yaml"), "targets: {}\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The words offered for the last (empty) word of {@code line}, run by {@code prefix} (e.g. as nobody). */
    List<String> complete(List<String> prefix, String command, String... line) {
        String words = "fence-cli " + String.join(" ", line) + " ''";
        List<String> bash = new ArrayList<>(prefix);
        bash.addAll(List.of("bash", "-c", "source " + dir.resolve("fence-cli.bash") + "; COMP_WORDS=(" + words
                + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _picocli_fence-cli_" + command
                + "; printf '%s\\n' \"${COMPREPLY[@]}\""));
        ChildProcess.Result r = ChildProcess.run(bash, Map.of("PATH", dir + ":/usr/bin:/bin"), "", LIMIT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r.stdout().lines().filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void metadataOffersTheAgentTypes() {
        assertThat(complete(List.of(), "metadata", "metadata")).containsExactly("chain", "ipmi", "toy");
    }

    @Test
    void targetsAreReadFromTheConfigurationOnTheLine() {
        assertThat(complete(List.of(), "reset", "--config", config.toString(), "reset"))
                .containsExactly("ran:--config " + config + " list --names");
    }

    /** The configuration is root's (0600): another user gets no names, at once, and starts no Java. */
    @Test
    void aUserWhoCannotReadTheConfigurationGetsNoTargetsAndStartsNothing() {
        Nobody.assumeRoot();
        assertThat(complete(Nobody.AS_NOBODY, "reset", "--config", config.toString(), "reset")).isEmpty();
        assertThat(complete(Nobody.AS_NOBODY, "metadata", "metadata")).containsExactly("chain", "ipmi", "toy");
    }
}
