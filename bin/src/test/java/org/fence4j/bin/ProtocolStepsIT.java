package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * -vv shows an operator the IPMI steps on stderr, each request and its answer in words, and
 * never a secret; a failure at -vv is one line, as at the default verbosity, without a stack trace.
 */
class ProtocolStepsIT {
    private static final int PORT = 10790;
    private static final String PASSWORD_ENV = "BMC_PASSWORD";
    /** The handshake and a reboot, in the order they happen. */
    private static final List<String> REBOOT_STEPS = List.of(
            "ipmi: login to the BMC at 127.0.0.1:" + PORT + " as user 'admin' (attempt 1)",
            "ipmi: Get Channel Authentication Capabilities (administrator) -> IPMI v2.0 offered",
            "ipmi: Open Session (cipher suite 17) -> ok",
            "ipmi: RAKP 1 (user 'admin', administrator) -> RAKP 2 ok, the BMC's proof verified",
            "ipmi: RAKP 3 -> RAKP 4 ok, the BMC's proof verified",
            "ipmi: Set Session Privilege Level -> privilege level 4",
            "ipmi: Get Chassis Status -> power on",
            "ipmi: Chassis Control (power down) -> ok",
            "ipmi: Get Chassis Status -> power off",
            "ipmi: Chassis Control (power up) -> ok",
            "ipmi: Close Session -> ok");
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @RegisterExtension
    final SimulatedBmcFixture.PerTest bmc = new SimulatedBmcFixture.PerTest(PORT);
    @TempDir
    Path dir;

    @AfterEach
    void noSecretShown() {
        if (bmc.get() != null) {
            CAPTURED.assertNeverShows(bmc.get().password);
        }
    }

    private ChildProcess.Result agent(String password, String... args) {
        List<String> line = new java.util.ArrayList<>(List.of("-a", "127.0.0.1", "-u", String.valueOf(PORT), "-l",
                "admin", "--password-env=" + PASSWORD_ENV));
        line.addAll(List.of(args));
        return CAPTURED.keep(Dist.run(Dist.agent("ipmi"), Map.of(PASSWORD_ENV, password), "",
                line.toArray(String[]::new)));
    }

    @Test
    void aRebootAtVvShowsEveryStepInWords() {
        ChildProcess.Result r = agent(bmc.get().password, "-n", "pm02", "-o", "reboot", "-vv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Success: Rebooted");
        assertThat(r.stderr()).containsSubsequence(REBOOT_STEPS);
        assertThat(bmc.get().powerByIpmitool()).isEqualTo("on");
    }

    @Test
    void withoutVvNoStepIsShown() {
        ChildProcess.Result r = agent(bmc.get().password, "-n", "pm02", "-o", "status");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.all()).doesNotContain("ipmi:");
    }

    @Test
    void aFailedLoginAtVvIsSaidInOneLineWithoutAStackTrace() {
        String wrong = "not-" + bmc.get().password;
        ChildProcess.Result r = agent(wrong, "-n", "pm02", "-o", "status", "-vv");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("ipmi: RAKP 1 (user 'admin', administrator) -> authentication failed",
                "ERROR: Failed: cannot log in to the BMC at 127.0.0.1:" + PORT + ": authentication failed");
        assertThat(r.all()).doesNotContain("\tat ", "Exception:", wrong);
    }

    @Test
    void fenceCliAtVvShowsTheStepsToo() throws Exception {
        Path config = bmc.get().config(dir, "", "30s");
        ChildProcess.Result r = CAPTURED.keep(Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "",
                "--config", config.toString(), "-vv", "status", "pm02"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).containsSubsequence(REBOOT_STEPS.subList(0, 7));
    }
}
