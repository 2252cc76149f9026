package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's plugin files under cluster-glue's real {@code stonith} ({@link StonithPlugins}),
 * fencing a simulated BMC on loopback, its power read back with ipmitool.
 */
class StonithPluginsIT {
    private static final int PORT = 9801;
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private StonithPlugins plugins;
    private SimulatedBmcFixture bmc;

    @BeforeEach
    void install() throws IOException {
        plugins = StonithPlugins.install();
    }

    @AfterEach
    void remove() throws IOException {
        if (plugins != null) {
            plugins.close();
        }
        if (bmc != null) {
            CAPTURED.assertNeverShows(bmc.password);
            bmc.close();
        }
    }

    private String type(String agentType) {
        return plugins.type(agentType);
    }

    private ChildProcess.Result stonith(List<String> args) {
        return CAPTURED.keep(plugins.stonith(args));
    }

    private ChildProcess.Result ipmi(String password, String... args) {
        List<String> line = new ArrayList<>(List.of("-t", type("ipmi"), "hostname=pm02", "ipaddr=127.0.0.1",
                "ipport=" + PORT, "userid=admin", "passwd=" + password));
        line.addAll(Arrays.asList(args));
        return stonith(line);
    }

    @Test
    void stonithListsEveryFence4jPlugin() {
        ChildProcess.Result list = stonith(List.of("-L"));
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout().lines()).contains(type("ipmi"), type("helper"), type("meatware"), type("chain"));
    }

    @Test
    void stonithListsTheIpmiParameters() {
        ChildProcess.Result names = stonith(List.of("-t", type("ipmi"), "-n"));
        assertThat(names.exitCode()).as(names.stderr()).isZero();
        assertThat(names.stdout().strip().split("\\s+")).contains("hostname", "ipaddr", "ipport", "userid", "passwd",
                "interface", "passwd_file");
    }

    @Test
    void statusAndResetThroughTheSimulatedBmc() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        ChildProcess.Result status = ipmi(bmc.password, "-S");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).isEmpty();

        ChildProcess.Result reset = ipmi(bmc.password, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");

        ChildProcess.Result off = ipmi(bmc.password, "-T", "off", "pm02");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(bmc.powerByIpmitool()).isEqualTo("off");
    }

    @Test
    void aWrongPasswordIsAFailedResetAndTheNodeKeepsRunning() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        assertThat(ipmi("not-" + bmc.password, "-S").exitCode()).isNotZero();
        ChildProcess.Result reset = ipmi("not-" + bmc.password, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).as("S_RESETFAIL").isEqualTo(5);
        assertThat(bmc.bmc.chassisLog()).isEmpty();
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");
    }

    @Test
    void theChainPluginFencesThroughTheConfiguredLevels() throws IOException {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        Path config = bmc.config(dir, "", "30s");

        ChildProcess.Result hosts = stonith(List.of("-t", type("chain"), "config=" + config, "-l"));
        assertThat(hosts.exitCode()).as(hosts.all()).isZero();
        assertThat(hosts.stdout().lines()).containsExactly("pm02");
        ChildProcess.Result reset = stonith(List.of("-t", type("chain"), "config=" + config, "-T", "reset", "pm02"));
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("pm02");
    }
}
