package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's redfish agent, {@code fence_fence4j_redfish} and {@code external/fence4j-redfish},
 * against the simulated Redfish BMC: fence_redfish's command line and stdin, unchanged, and
 * cluster-glue's {@code stonith}; fence_redfish, run on the same BMC, reads what fence4j did.
 */
class RedfishAgentIT {
    private static final Path FENCE_REDFISH = Path.of("/usr/sbin/fence_redfish");
    private static final CapturedOutput CAPTURED = new CapturedOutput();
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    @TempDir
    Path dir;
    private SimulatedRedfishBmc bmc;
    private Path passwordFile;

    @BeforeEach
    void start() throws IOException {
        Dist.assumeBuilt();
        bmc = SimulatedRedfishBmc.builder().user("admin", password).start();
        passwordFile = SecretFiles.write(dir.resolve("bmc.passwd"), password + "\n");
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            CAPTURED.assertNeverShows(password);
            bmc.close();
        }
    }

    /** fence_redfish's own command line, with the password from a script as fencing.py's -S takes it. */
    private ChildProcess.Result argv(String... more) {
        List<String> args = new ArrayList<>(List.of("-a", "127.0.0.1", "-u", String.valueOf(bmc.port()), "-l", "admin",
                "-S", "cat " + passwordFile, "--ssl-insecure"));
        args.addAll(Arrays.asList(more));
        return CAPTURED.keep(Dist.run(Dist.agent("redfish"), Map.of(), "", args.toArray(String[]::new)));
    }

    /** What pacemaker-fenced writes to the agent's stdin; fence_redfish's ip:port form, the certificate pinned. */
    private ChildProcess.Result stdin(String action) {
        String input = String.join("\n", "action=" + action, "nodename=pm02", "ip=127.0.0.1:" + bmc.port(),
                "username=admin", "password=" + password, "ssl_fingerprint=" + bmc.certificate().fingerprint(), "");
        return CAPTURED.keep(Dist.run(Dist.agent("redfish"), Map.of("PCMK_service", "pacemaker-fenced"), input));
    }

    @Test
    void atVvEachRequestAndItsAnswerIsShownInWordsNeverATokenOrThePassword() {
        ChildProcess.Result r = argv("-o", "reboot", "-n", "pm02", "-vv");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stderr()).containsSubsequence(
                "redfish: GET /redfish/v1 -> HTTP 200",
                "redfish: POST /redfish/v1/SessionService/Sessions -> HTTP 201",
                "redfish: logged in as user 'admin': session /redfish/v1/SessionService/Sessions/1",
                "redfish: /redfish/v1/Systems/1: PowerState On",
                "redfish: /redfish/v1/Systems/1: ComputerSystem.Reset ForceOff",
                "redfish: POST /redfish/v1/Systems/1/Actions/ComputerSystem.Reset -> HTTP 204",
                "redfish: /redfish/v1/Systems/1: PowerState Off",
                "redfish: /redfish/v1/Systems/1: ComputerSystem.Reset On",
                "redfish: DELETE /redfish/v1/SessionService/Sessions/1 (the session) -> HTTP 204");
        // the simulated BMC's session tokens are 32 hex digits
        assertThat(r.all()).doesNotContainPattern("[0-9a-f]{32}");

        assertThat(argv("-o", "status").all()).doesNotContain("redfish:");
    }

    @Test
    void fenceRedfishsCommandLineWorksUnchanged() {
        ChildProcess.Result on = argv("-o", "status");
        assertThat(on.exitCode()).as(on.all()).isZero();
        assertThat(on.stdout()).contains("Status: ON");

        ChildProcess.Result off = argv("-o", "off", "-n", "pm02");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(off.stdout()).contains("Success: Powered OFF");
        assertThat(bmc.powerState("1")).isEqualTo("Off");
        assertThat(argv("-o", "status").exitCode()).isEqualTo(2);

        assertThat(argv("-o", "on", "-n", "pm02").exitCode()).isZero();
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
        assertThat(bmc.openSessions()).isZero();
    }

    @Test
    void rebootOnStdinAsTheFencerSendsItAndFenceRedfishReadsTheResult() {
        ChildProcess.Result reboot = stdin("reboot");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");

        ChildProcess.Result off = stdin("off");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assumeTrue(Files.isExecutable(FENCE_REDFISH), "fence-agents' fence_redfish is not installed");
        ChildProcess.Result witness = CAPTURED.keep(ChildProcess.run(List.of(FENCE_REDFISH.toString()), Map.of(),
                String.join("\n", "action=status", "ip=127.0.0.1", "ipport=" + bmc.port(), "username=admin",
                        "password=" + password, "ssl_insecure=1", ""), java.time.Duration.ofSeconds(60)));
        assertThat(witness.exitCode()).as(witness.all()).isEqualTo(2);
        assertThat(witness.stdout()).contains("Status: OFF");
    }

    @Test
    void fenceClisFingerprintOfTheBmcPinsItForTheAgent() {
        ChildProcess.Result printed = CAPTURED.keep(Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "",
                "redfish-fingerprint", "127.0.0.1:" + bmc.port()));
        assertThat(printed.exitCode()).as(printed.all()).isZero();
        assertThat(printed.stdout()).contains("ssl_fingerprint=" + bmc.certificate().fingerprint() + "\n");
        assertThat(bmc.requests()).isEmpty();

        // its lines go to the agent as they are: comments, then the pin
        ChildProcess.Result status = CAPTURED.keep(Dist.run(Dist.agent("redfish"), Map.of(), printed.stdout()
                + String.join("\n", "action=status", "ip=127.0.0.1", "ipport=" + bmc.port(), "username=admin",
                        "password=" + password, "")));
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.stdout()).isEqualTo("Status: ON\n");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        ChildProcess.Result refused = CAPTURED.keep(Dist.run(Dist.agent("redfish"), Map.of(), "", "-a", "127.0.0.1",
                "-l", "admin", "-p", "not-on-argv", "-o", "status"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.all()).doesNotContain("not-on-argv");
        assertThat(bmc.requests()).isEmpty();
    }

    @Test
    void clusterGluesStonithFencesThroughThePlugin() throws IOException {
        try (StonithPlugins plugins = StonithPlugins.install()) {
            List<String> device = List.of("-t", plugins.type("redfish"), "hostname=pm02", "ip=127.0.0.1",
                    "ipport=" + bmc.port(), "username=admin", "password_file=" + passwordFile,
                    "ssl_fingerprint=" + bmc.certificate().fingerprint());
            ChildProcess.Result status = CAPTURED.keep(plugins.stonith(with(device, "-S")));
            assertThat(status.exitCode()).as(status.all()).isZero();

            ChildProcess.Result off = CAPTURED.keep(plugins.stonith(with(device, "-T", "off", "pm02")));
            assertThat(off.exitCode()).as(off.all()).isZero();
            assertThat(bmc.powerState("1")).isEqualTo("Off");
            assertThat(bmc.openSessions()).isZero();
        }
    }

    private static List<String> with(List<String> device, String... args) {
        List<String> line = new ArrayList<>(device);
        line.addAll(Arrays.asList(args));
        return line;
    }
}
