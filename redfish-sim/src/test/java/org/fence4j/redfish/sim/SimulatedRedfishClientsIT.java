package org.fence4j.redfish.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent Redfish clients read and switch the simulated BMC: fence-agents' fence_redfish,
 * DMTF's redfishtool and OpenStack's sushy, each trusting its certificate by the PEM it writes.
 */
class SimulatedRedfishClientsIT {
    private static final Path FENCE_REDFISH = Path.of("/usr/sbin/fence_redfish");
    private static final Path REDFISHTOOL = Path.of("/usr/bin/redfishtool");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final CapturedOutput CAPTURED = new CapturedOutput();
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private SimulatedRedfishBmc bmc;
    private Path certificate;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        bmc = SimulatedRedfishBmc.builder().user("admin", password).start();
        certificate = Files.writeString(dir.resolve("bmc.pem"), bmc.certificate().pem());
    }

    @AfterEach
    void stop() {
        bmc.close();
        CAPTURED.assertNeverShows(password + "\n");
    }

    @Test
    void fenceRedfishReadsStatusAndSwitchesOffAndOn() {
        assumeTrue(Files.isExecutable(FENCE_REDFISH), "fence-agents' fence_redfish is not installed");
        assertThat(fenceRedfish("status").stdout()).contains("Status: ON");
        assertThat(fenceRedfish("off").exitCode()).isZero();
        assertThat(bmc.powerState("1")).isEqualTo("Off");
        ChildProcess.Result off = fenceRedfish("status");
        assertThat(off.exitCode()).isEqualTo(2);
        assertThat(off.stdout()).contains("Status: OFF");
        assertThat(fenceRedfish("on").exitCode()).isZero();
        assertThat(bmc.powerState("1")).isEqualTo("On");
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
    }

    /** fence_redfish's password on stdin, as the fencer gives it; its certificate trusted through REQUESTS_CA_BUNDLE. */
    private ChildProcess.Result fenceRedfish(String action) {
        String stdin = String.join("\n", "action=" + action, "ip=127.0.0.1", "ipport=" + bmc.port(), "username=admin",
                "password=" + password, "ssl_secure=1", "");
        ChildProcess.Result result = CAPTURED.keep(ChildProcess.run(List.of(FENCE_REDFISH.toString()),
                Map.of("REQUESTS_CA_BUNDLE", certificate.toString()), stdin, LIMIT));
        assertThat(result.exitCode()).as(result.all()).isIn(0, 2);
        return result;
    }

    @Test
    void redfishtoolReadsStatusAndSwitchesOffAndOn() {
        assumeTrue(Files.isExecutable(REDFISHTOOL), "redfishtool is not installed");
        assertThat(redfishtool("Systems", "get").stdout()).contains("\"PowerState\": \"On\"");
        redfishtool("Systems", "reset", "ForceOff");
        assertThat(redfishtool("Systems", "get").stdout()).contains("\"PowerState\": \"Off\"");
        redfishtool("Systems", "reset", "On");
        assertThat(bmc.powerState("1")).isEqualTo("On");
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
    }

    /** redfishtool takes its password on the command line only: a test password, on loopback. */
    private ChildProcess.Result redfishtool(String... args) {
        List<String> line = new ArrayList<>(List.of(REDFISHTOOL.toString(), "-r", "127.0.0.1:" + bmc.port(), "-u", "admin",
                "-p", password, "-S", "Always", "-A", "Session"));
        line.addAll(List.of(args));
        ChildProcess.Result result = ChildProcess.run(line, Map.of("REQUESTS_CA_BUNDLE", certificate.toString()), "",
                LIMIT);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isZero();
        return result;
    }

    @Test
    void sushyReadsStatusAndSwitchesOffAndOn() {
        assumeTrue(ChildProcess.run(List.of(PYTHON.toString(), "-c", "import sushy"), Map.of(), "", LIMIT)
                .exitCode() == 0, "python3-sushy is not installed");
        String script = """
                import os, sushy
                bmc = sushy.Sushy(os.environ['BMC_URL'], username='admin', password=os.environ['BMC_PASSWORD'],
                                  verify=os.environ['BMC_CA'])
                system = bmc.get_system('/redfish/v1/Systems/1')
                print('before', system.power_state)
                system.reset_system(sushy.RESET_FORCE_OFF)
                system.refresh()
                print('after off', system.power_state)
                system.reset_system(sushy.RESET_ON)
                system.refresh()
                print('after on', system.power_state)
                """;
        ChildProcess.Result result = CAPTURED.keep(ChildProcess.run(List.of(PYTHON.toString(), "-c", script),
                Map.of("BMC_URL", "https://127.0.0.1:" + bmc.port() + "/redfish/v1", "BMC_PASSWORD", password,
                        "BMC_CA", certificate.toString()), "", LIMIT));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout().lines()).containsExactly("before PowerState.ON", "after off PowerState.OFF",
                "after on PowerState.ON");
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
        assertThat(bmc.openSessions()).isLessThanOrEqualTo(1);
    }
}
