package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.1 as it was reported: {@code fence-cli reset pm02} with {@code method: cycle} against a
 * BMC that acknowledges the power cycle and stays on must fail; ipmitool witnesses the power.
 */
class MethodCycleIT {
    private static final int PORT = 10150;

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedBmcFixture.PerTest simulatedBmc = new SimulatedBmcFixture.PerTest(PORT);

    private SimulatedBmcFixture bmc() {
        return simulatedBmc.get();
    }

    private ChildProcess.Result reset() throws IOException {
        Path config = bmc().config(dir, "method: cycle, power_timeout: 2", "20s");
        return Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "", "--config", config.toString(), "reset", "pm02");
    }

    @Test
    void aCycleTheBmcAcknowledgesButNeverShowsOffIsAFailure() throws IOException {
        bmc().bmc.faults().neverPowerOff(true);
        ChildProcess.Result reset = reset();
        assertThat(reset.exitCode()).as(reset.all()).isEqualTo(1);
        assertThat(reset.all()).contains("pm02 was never read powered off in the 2 s after the BMC accepted the power"
                + " cycle").contains("use method: onoff").doesNotContain("SUCCESS");
        assertThat(bmc().bmc.chassisLog()).containsExactly("power cycle");
        assertThat(bmc().powerByIpmitool()).isEqualTo("on");
    }

    @Test
    void aCycleWhoseOffIsReadIsAFence() throws Exception {
        ChildProcess.Result reset = reset();
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(reset.all()).contains("pm02 was power-cycled: its power read off after the BMC accepted the cycle.");
        assertThat(bmc().bmc.chassisLog()).containsExactly("power cycle");
        String power = bmc().powerByIpmitool();
        for (int i = 0; i < 20 && !power.equals("on"); i++) {
            Thread.sleep(100);
            power = bmc().powerByIpmitool();
        }
        assertThat(power).as("the simulated BMC brings the node back a second after the cycle").isEqualTo("on");
    }
}
