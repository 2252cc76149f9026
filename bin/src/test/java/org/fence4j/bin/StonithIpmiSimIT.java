package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.ipmi.IpmiSimLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stonith:external/fence4j-ipmi under cluster-glue's real {@code stonith} against OpenIPMI's
 * ipmi_sim (the lab's start.sh, 127.0.0.1), its power read back by ipmitool and by the
 * simulator's own witness file.
 */
class StonithIpmiSimIT {
    private static final int PORT = 9804;
    /** The lab simulator's documented test account (README): no secret of anyone's. */
    private static final String PASSWORD = "secret";

    @TempDir
    Path dir;
    private IpmiSimLab sim;
    private StonithPlugins plugins;

    @BeforeEach
    void start() throws Exception {
        sim = IpmiSimLab.start(PORT, dir.resolve("sim"), null);
        plugins = StonithPlugins.install();
    }

    @AfterEach
    void stop() throws Exception {
        if (plugins != null) {
            plugins.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void resetAndOffAreReadBackByIpmitool() throws Exception {
        ChildProcess.Result status = ipmi("-S");
        assertThat(status.exitCode()).as(status.all()).isZero();

        ChildProcess.Result reset = ipmi("-T", "reset", "pm02");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(sim.chassisLog()).contains("set power 0", "set power 1");
        assertThat(sim.witnessPower()).isEqualTo("on");

        ChildProcess.Result off = ipmi("-T", "off", "pm02");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(sim.witnessPower()).isEqualTo("off");
        assertThat(java.nio.file.Files.readString(sim.dir().resolve("power")).strip()).isEqualTo("0");
    }

    @Test
    void aBmcThatAcknowledgesButStaysOnIsAFailedFencing() throws Exception {
        sim.fault("stuck-on", true);

        ChildProcess.Result off = ipmi("-T", "off", "pm02");
        assertThat(off.exitCode()).as("S_RESETFAIL: never success while the power is on").isEqualTo(5);
        ChildProcess.Result reset = ipmi("-T", "reset", "pm02");
        assertThat(reset.exitCode()).isEqualTo(5);
        assertThat(sim.witnessPower()).isEqualTo("on");
    }

    private ChildProcess.Result ipmi(String... args) {
        // power_timeout bounds how long the agent waits for a power state that never comes (stuck-on)
        List<String> line = new ArrayList<>(List.of("-t", plugins.type("ipmi"), "hostname=pm02", "ipaddr=127.0.0.1",
                "ipport=" + PORT, "userid=admin", "passwd=" + PASSWORD, "power_timeout=4"));
        line.addAll(Arrays.asList(args));
        return plugins.stonith(line);
    }
}
