package org.fence4j.meatware.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator at a real terminal: {@code fence-cli reset pm02} with a meatware-only chain, run
 * in tmux, answered by typing.
 */
class FenceCliPromptIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String QUESTION = "Type the node name \"pm02\" to confirm it is down, or \"no\" to cancel:";

    @TempDir(factory = TrustedTempDir.class)
    Path dir;
    private Path exitFile;

    @BeforeEach
    void requireTmux() {
        Tmux.assumeInstalled();
    }

    /**
     * A script that runs fence-cli with the test's class path and writes its exit code to a file.
     * bash, because it goes on after a child that handled Ctrl-C itself (dash would die with it).
     */
    private Path fenceCli(String... args) throws Exception {
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %s
                devices:
                  meatware-pm02:
                    agent: meatware
                    params: { hostlist: pm02, rendezvous_dir: %s }
                targets:
                  pm02:
                    levels:
                      - { device: meatware-pm02, timeout: 300s }
                """.formatted(dir.resolve("state"), dir));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        exitFile = dir.resolve("exit-code");
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/bash\n'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' org.fence4j.agents.cli.FenceCli --config '" + config + "' "
                + String.join(" ", args) + "\necho $? > '" + exitFile + ".tmp' && mv '" + exitFile + ".tmp' '" + exitFile
                + "'\nsleep 30\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private int exitCode() throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(exitFile)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("fence-cli did not exit within " + LIMIT);
            }
            Thread.sleep(100);
        }
        return Integer.parseInt(Files.readString(exitFile).trim());
    }

    @Test
    void aWrongNameIsRefusedAndTheRightOneConfirms() throws Exception {
        try (Tmux tmux = Tmux.start(fenceCli("reset", "pm02"))) {
            String screen = tmux.awaitScreen(QUESTION, LIMIT);
            assertThat(screen).contains("OPERATOR INTERVENTION REQUIRED to reset pm02.")
                    .contains("data on shared disks will be corrupted")
                    .containsPattern("Waiting for the confirmation of pm02: \\d:\\d\\d elapsed, \\d:\\d\\d left\\.");

            tmux.type("pm01");
            tmux.keys("Enter");
            tmux.awaitScreen("Refused: \"pm01\" is not pm02.", LIMIT);
            tmux.type("yes");
            tmux.keys("Enter");
            tmux.awaitScreen("Refused: type the node name \"pm02\" itself, not \"yes\".", LIMIT);
            assertThat(Files.exists(exitFile)).as("still waiting after refused answers").isFalse();

            tmux.type("pm02");
            tmux.keys("Enter");

            assertThat(exitCode()).isZero();
            assertThat(tmux.screen()).contains("Level 1 meatware-pm02 (meatware): SUCCESS")
                    .contains("Fencing pm02 succeeded by level 1 (meatware)");
        }
        assertThat(Files.readString(dir.resolve("state/history.jsonl")))
                .contains("Operator confirmed pm02 is down at the fence-cli prompt (by=");
        assertThat(dir.resolve("meatware.pm02")).doesNotExist();
    }

    @Test
    void ctrlCCancelsAsAFailure() throws Exception {
        try (Tmux tmux = Tmux.start(fenceCli("reset", "pm02"))) {
            tmux.awaitScreen(QUESTION, LIMIT);

            tmux.keys("C-c");

            assertThat(exitCode()).isEqualTo(1);
            assertThat(tmux.screen()).contains("cancelled by the operator").contains("Fencing pm02 (reset) failed");
        }
        assertThat(dir.resolve("meatware.pm02")).doesNotExist();
    }

    @Test
    void noCancelsAsAFailure() throws Exception {
        try (Tmux tmux = Tmux.start(fenceCli("off", "pm02"))) {
            tmux.awaitScreen(QUESTION, LIMIT);

            tmux.type("no");
            tmux.keys("Enter");

            assertThat(exitCode()).isEqualTo(1);
            assertThat(tmux.screen()).contains("Cancelled by operator at the prompt");
        }
    }

    @Test
    void fenceCliConfirmFromAnotherShellAnswersThePromptingRequest() throws Exception {
        try (Tmux waiting = Tmux.start(fenceCli("reset", "pm02"))) {
            waiting.awaitScreen(QUESTION, LIMIT);
            Path confirm = dir.resolve("confirm.sh");
            Files.writeString(confirm, "#!/bin/bash\n'" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -cp '" + System.getProperty("java.class.path") + "' org.fence4j.agents.cli.FenceCli confirm"
                    + " pm02 --rendezvous-dir '" + dir + "'\necho \"CONFIRM-EXIT=$?\"\nsleep 30\n");
            Files.setPosixFilePermissions(confirm, PosixFilePermissions.fromString("rwx------"));

            try (Tmux other = Tmux.start(confirm)) {
                other.awaitScreen(QUESTION, LIMIT);
                other.type("pm02");
                other.keys("Enter");
                other.awaitScreen("CONFIRM-EXIT=0", LIMIT);
            }

            assertThat(exitCode()).isZero();
            assertThat(waiting.screen()).contains("SUCCESS").contains("through " + dir.resolve("meatware.pm02"))
                    .contains("by=");
        }
    }
}
