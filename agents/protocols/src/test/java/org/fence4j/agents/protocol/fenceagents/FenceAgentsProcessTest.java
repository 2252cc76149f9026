package org.fence4j.agents.protocol.fenceagents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as Pacemaker's fencer and a person run it: a child process, options on stdin or argv. */
class FenceAgentsProcessTest {
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private ToyDevice device;
    private Path secretFile;

    @BeforeEach
    void configure() throws IOException {
        device = new ToyDevice(dir);
        secretFile = SecretFiles.write(dir.resolve("toy.passwd"), ToyAgentProvider.PASSWORD + "\n");
    }

    private ChildProcess.Result stdin(String lines, Map<String, String> env) {
        return CAPTURED.keep(ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, List.of("toy")),
                withStateDir(env), lines, Duration.ofSeconds(60)));
    }

    private ChildProcess.Result argv(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("toy"));
        all.addAll(List.of(args));
        return CAPTURED.keep(ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, all), withStateDir(Map.of()),
                "", Duration.ofSeconds(60)));
    }

    /** The history of the test's own, never the host's /var/lib/fence4j. */
    private Map<String, String> withStateDir(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("FENCE4J_STATE_DIR", dir.resolve("state").toString());
        return all;
    }

    /** What pacemaker-fenced writes for a reboot of pm02 by a device with these attributes. */
    private String fencerStdin(String action) {
        return "action=" + action + "\nnodename=pm02\nport=pm02\nhostlist=pm01 pm02\nstate_dir=" + dir
                + "\npasswd=" + ToyAgentProvider.PASSWORD + "\n";
    }

    @Test
    void rebootStatusAndMonitorAsTheFencerSendsThem() {
        Map<String, String> fenced = Map.of("PCMK_service", "pacemaker-fenced");
        ChildProcess.Result reboot = stdin(fencerStdin("reboot"), fenced);
        assertThat(reboot.exitCode()).isZero();
        assertThat(reboot.stdout()).isEqualTo("Success: Rebooted\n");
        assertThat(reboot.stderr()).isEmpty();
        assertThat(device.actions()).containsExactly("reset pm02");

        ChildProcess.Result off = stdin(fencerStdin("off"), fenced);
        assertThat(off.stdout()).isEqualTo("Success: Powered OFF\n");
        ChildProcess.Result status = stdin(fencerStdin("status"), fenced);
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.stdout()).isEqualTo("Status: OFF\n");
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);

        assertThat(stdin(fencerStdin("monitor"), fenced).exitCode()).isZero();
    }

    @Test
    void aNewDebugFileIsMadeForTheFencingUserAlone() throws IOException {
        Path debug = dir.resolve("debug.log");
        ChildProcess.Result status = stdin(fencerStdin("status") + "debug_file=" + debug + "\n", Map.of());
        assertThat(status.exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(debug))).isEqualTo("rw-------");
    }

    @Test
    void commandLineWithSecretFromAFile() {
        ChildProcess.Result off = argv("-o", "off", "--hostlist=pm02", "--state-dir", dir.toString(),
                "--passwd-file=" + secretFile, "--plug=pm02");
        assertThat(off.exitCode()).isZero();
        assertThat(off.stdout()).isEqualTo("Success: Powered OFF\n");

        ChildProcess.Result status = argv("--action=status", "--hostlist=pm02", "--state-dir=" + dir,
                "--passwd-file=" + secretFile, "-n", "pm02");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.stdout()).isEqualTo("Status: OFF\n");
    }

    @Test
    void secretOnTheCommandLineIsRefused() {
        ChildProcess.Result refused = argv("-o", "off", "--hostlist=pm02", "--state-dir=" + dir,
                "--password=" + ToyAgentProvider.PASSWORD, "-n", "pm02");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).startsWith("ERROR: --password: a secret is never taken from the command line")
                .contains("--password-file=PATH");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void errorsAndWarningsNeverShowTheSecret() {
        ChildProcess.Result typo = stdin("action=reboot\nport=pm02\nhostlist=pm02\nstate_dir=" + dir
                + "\npasword=" + ToyAgentProvider.PASSWORD + "\npasswd=" + ToyAgentProvider.PASSWORD + "x\n", Map.of());
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.stderr()).isEqualTo("WARNING: Parse error: Ignoring unknown option 'pasword'\n"
                + "ERROR: Failed: toy device denied the login (wrong password)\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void hangingDeviceTimesOutAsFailure() {
        ChildProcess.Result hung = stdin(fencerStdin("reboot") + "mode=hang\ntimeout=1\n", Map.of());
        assertThat(hung.exitCode()).isEqualTo(1);
        assertThat(hung.stdout()).isEmpty();
        assertThat(hung.stderr()).isEqualTo("ERROR: Failed: timed out: reset did not finish within its time limit\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void metadataIsWellFormed() {
        ChildProcess.Result metadata = stdin("action=metadata\n", Map.of());
        assertThat(metadata.exitCode()).isZero();
        assertThat(XmlDocuments.parse(metadata.stdout()).getDocumentElement().getAttribute("name"))
                .isEqualTo("fence_toy");
    }

    @AfterAll
    static void noOutputShowsTheSecret() {
        assertThat(CAPTURED.size()).isGreaterThanOrEqualTo(9);
        CAPTURED.assertNeverShows(ToyAgentProvider.PASSWORD);
    }
}
