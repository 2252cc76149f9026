package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 3, as reported: {@code fence-cli reset pm02} with power_wait and
 * {@code fence_fence4j_ipmi action=off} for the same node, started together against one BMC.
 * Without a shared lock the plugin's power down lands in fence-cli's power_wait and fence-cli
 * then powers the node on again: the BMC's chassis log would read down, down, up. With it, each
 * entry point's power commands come as one block.
 */
class EntryPointLocksIT {
    private static final int PORT = 10200;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedBmcFixture.PerTest simulatedBmc = new SimulatedBmcFixture.PerTest(PORT);

    @AfterEach
    void noPasswordShown() {
        if (bmc() != null) {
            CAPTURED.assertNeverShows(bmc().password);
        }
    }

    private SimulatedBmcFixture bmc() {
        return simulatedBmc.get();
    }

    /** fence-cli's reset of pm02 with power_wait, started; returns once its power down reached the BMC. */
    ChildProcess.Running resetWithPowerWait(int powerWaitSeconds) throws Exception {
        Path config = bmc().config(dir, "power_wait: " + powerWaitSeconds + ", power_timeout: 5", "60s");
        ChildProcess.Running cli = ChildProcess.start(List.of(Dist.HOME.resolve("bin/fence-cli").toString(),
                "--config", config.toString(), "reset", "pm02"), Dist.withJava(Map.of()), "");
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!bmc().bmc.chassisLog().contains("power down")) {
            assertThat(System.nanoTime() - end).as("fence-cli's power down at the BMC").isNegative();
            Thread.sleep(10);   // polls the BMC's log: a spinning wait would take a core from the processes under test
        }
        return cli;
    }

    /** fence_fence4j_ipmi as pacemaker-fenced runs it. */
    ChildProcess.Result pluginOff(int timeoutSeconds) {
        String stdin = String.join("\n", "action=off", "nodename=pm02", "port=pm02", "ip=127.0.0.1", "ipport=" + PORT,
                "username=admin", "password=" + bmc().password, "timeout=" + timeoutSeconds, "");
        return CAPTURED.keep(Dist.run(Dist.agent("ipmi"), Map.of("PCMK_service", "pacemaker-fenced"), stdin));
    }

    @Test
    void thePluginWaitsForFenceCliAndThenPowersOffForGood() throws Exception {
        ChildProcess.Running cli = resetWithPowerWait(3);
        ChildProcess.Result off = pluginOff(60);
        ChildProcess.Result reset = CAPTURED.keep(cli.await(LIMIT));

        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(off.stdout()).contains("Success: Powered OFF");
        assertThat(bmc().bmc.chassisLog()).containsExactly("power down", "power up", "power down");
        assertThat(bmc().powerByIpmitool()).isEqualTo("off");
    }

    @Test
    void aPluginWhoseDeadlineComesFirstIsRefusedNamingFenceCli() throws Exception {
        ChildProcess.Running cli = resetWithPowerWait(8);
        ChildProcess.Result off = pluginOff(2);
        ChildProcess.Result reset = CAPTURED.keep(cli.await(LIMIT));

        assertThat(off.exitCode()).isEqualTo(1);
        assertThat(off.stderr()).contains("ERROR: Failed: another request for pm02 is in progress (pid " + cli.pid()
                + ", reset by ").contains("and did not finish in time; refused");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(bmc().bmc.chassisLog()).containsExactly("power down", "power up");
    }
}
