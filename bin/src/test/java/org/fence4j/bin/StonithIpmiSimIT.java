package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
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
    private static final Path LAB = lab();
    private static final int PORT = 9804;
    /** The lab simulator's documented test account (README): no secret of anyone's. */
    private static final String PASSWORD = "secret";

    @TempDir
    Path dir;
    private StonithPlugins plugins;
    private boolean started;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ipmi_sim")), "ipmi_sim is not installed (openipmi)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ipmitool")), "ipmitool is not installed");
        assumeTrue(LAB != null, "no shared/lab/ipmi-sim above " + Path.of("").toAbsolutePath() + " (-Dfence4j.lab=DIR)");
        plugins = StonithPlugins.install();
        ChildProcess.Result sim = lab("start.sh", "--port", String.valueOf(PORT), "--state-dir", dir.toString());
        assertThat(sim.exitCode()).as(sim.all()).isZero();
        started = true;
    }

    @AfterEach
    void stop() throws IOException {
        if (started) {
            lab("stop.sh", "--state-dir", dir.toString());
        }
        if (plugins != null) {
            plugins.close();
        }
    }

    @Test
    void resetAndOffAreReadBackByIpmitool() throws IOException {
        ChildProcess.Result status = ipmi("-S");
        assertThat(status.exitCode()).as(status.all()).isZero();

        ChildProcess.Result reset = ipmi("-T", "reset", "pm02");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(Files.readString(dir.resolve("chassis.log"))).contains("set power 0", "set power 1");
        assertThat(ipmitoolPower()).isEqualTo("on");

        ChildProcess.Result off = ipmi("-T", "off", "pm02");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(ipmitoolPower()).isEqualTo("off");
        assertThat(Files.readString(dir.resolve("power")).strip()).isEqualTo("0");
    }

    @Test
    void aBmcThatAcknowledgesButStaysOnIsAFailedFencing() throws IOException {
        Files.createFile(dir.resolve("stuck-on"));

        ChildProcess.Result off = ipmi("-T", "off", "pm02");
        assertThat(off.exitCode()).as("S_RESETFAIL: never success while the power is on").isEqualTo(5);
        ChildProcess.Result reset = ipmi("-T", "reset", "pm02");
        assertThat(reset.exitCode()).isEqualTo(5);
        assertThat(ipmitoolPower()).isEqualTo("on");
    }

    private ChildProcess.Result ipmi(String... args) {
        // power_timeout bounds how long the agent waits for a power state that never comes (stuck-on)
        List<String> line = new ArrayList<>(List.of("-t", plugins.type("ipmi"), "hostname=pm02", "ipaddr=127.0.0.1",
                "ipport=" + PORT, "userid=admin", "passwd=" + PASSWORD, "power_timeout=4"));
        line.addAll(Arrays.asList(args));
        return plugins.stonith(line);
    }

    private static String ipmitoolPower() {
        ChildProcess.Result status = ChildProcess.run(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1",
                "-p", String.valueOf(PORT), "-U", "admin", "-E", "chassis", "power", "status"),
                Map.of("IPMI_PASSWORD", PASSWORD), "", Duration.ofSeconds(60));
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        return status.stdout().strip().replace("Chassis Power is ", "");
    }

    /** -Dfence4j.lab=DIR, else shared/lab/ipmi-sim next to the checkout or one of its parents (as the ipmi ITs). */
    private static Path lab() {
        String configured = System.getProperty("fence4j.lab");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("shared/lab/ipmi-sim/start.sh"))) {
                return p.resolve("shared/lab/ipmi-sim");
            }
        }
        return null;
    }

    private static ChildProcess.Result lab(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(LAB.resolve(script).toString()));
        command.addAll(Arrays.asList(args));
        return ChildProcess.run(command, Map.of(), "", Duration.ofSeconds(60));
    }
}
