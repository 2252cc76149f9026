package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redfish level and an ipmi level in one topology of Pacemaker's real fencer ({@link
 * StandaloneFencer}), as a node whose BMC speaks both is configured: level 1 fence_fence4j_redfish
 * against the simulated Redfish BMC, level 2 fence_fence4j_ipmi against the simulated IPMI BMC,
 * both on 127.0.0.1. Each simulator is the witness of what it was sent and of the power it holds.
 */
class PacemakerRedfishTopologyIT {
    static final int IPMI_PORT = 10611;
    static final String NODE = "pm21";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final FencerOnCorosync.PerClass LIVE = new FencerOnCorosync.PerClass(() -> dir,
            "pacemaker-redfish-topology-it.log", d -> Map.of("FENCE4J_STATE_DIR", d.resolve("state").toString()));
    final String redfishPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    SimulatedRedfishBmc redfish;
    SimulatedBmcFixture ipmiFixture;
    SimulatedBmc ipmi;

    @BeforeEach
    void startBmcs() throws IOException {
        redfish = SimulatedRedfishBmc.builder().user("admin", redfishPassword).start();
        ipmiFixture = new SimulatedBmcFixture(IPMI_PORT);
        ipmi = ipmiFixture.bmc;
        LIVE.fencer().markLog();
        // power_timeout 2 s: a BMC that never shows the node off fails its level in seconds, not fence_redfish's 20
        LIVE.fencer().register("redfish-" + NODE, "fence_fence4j_redfish", "pcmk_host_list=" + NODE, "ip=127.0.0.1",
                "ipport=" + redfish.port(), "username=admin",
                "password_file=" + SecretFiles.write(dir.resolve("redfish.passwd"), redfishPassword + "\n"),
                "ssl_fingerprint=" + redfish.certificate().fingerprint(), "power_timeout=2");
        LIVE.fencer().register("ipmi-" + NODE, "fence_fence4j_ipmi", "pcmk_host_list=" + NODE, "ip=127.0.0.1",
                "ipport=" + IPMI_PORT, "username=admin",
                "password_file=" + SecretFiles.write(dir.resolve("ipmi.passwd"), ipmiFixture.password + "\n"),
                "lanplus=1", "power_timeout=2");
        LIVE.fencer().registerLevel(NODE, 1, "redfish-" + NODE);
        LIVE.fencer().registerLevel(NODE, 2, "ipmi-" + NODE);
    }

    @AfterEach
    void stopBmcs() {
        LIVE.fencer().deregisterAll();
        ipmiFixture.close();
        redfish.close();
    }

    private static ChildProcess.Result reboot() {
        return LIVE.fencer().admin("--reboot", NODE, "--timeout", "120");
    }

    @Test
    void theRedfishLevelPowersTheNodeOffAndOnAndTheIpmiLevelIsNeverAsked() {
        ChildProcess.Result reboot = reboot();

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(redfish.resets("1")).containsExactly("ForceOff", "On");
        assertThat(redfish.powerState("1")).isEqualTo("On");
        assertThat(redfish.openSessions()).isZero();
        assertThat(ipmi.chassisLog()).isEmpty();
        assertThat(LIVE.fencer().log()).containsPattern("targeting " + NODE + " using redfish-" + NODE + " returned 0")
                .doesNotContain("using ipmi-" + NODE);
        assertThat(LIVE.fencer().stderrOf("fence_fence4j_redfish")).isEmpty();
    }

    @Test
    void aRedfishBmcThatAcknowledgesButStaysOnFailsItsLevelAndIpmiFences() {
        redfish.faults().stuckOn(true);

        ChildProcess.Result reboot = reboot();

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        // the lying BMC was never believed: no On follows its ForceOff, and ipmi powered the node off and on
        assertThat(redfish.resets("1")).contains("ForceOff").doesNotContain("On");
        assertThat(ipmi.chassisLog()).containsExactly("power down", "power up");
        assertThat(LIVE.fencer().log()).containsPattern("targeting " + NODE + " using redfish-" + NODE + " returned 1")
                .containsPattern("targeting " + NODE + " using ipmi-" + NODE + " returned 0");
    }

    @Test
    void withTheRedfishBmcStoppedAndTheIpmiBmcStayingOnFencingFails() {
        redfish.close();
        ipmi.faults().neverPowerOff(true);

        ChildProcess.Result reboot = reboot();

        assertThat(reboot.exitCode()).as(reboot.all()).isNotZero();
        assertThat(ipmi.chassisLog()).contains("power down").doesNotContain("power up");
        assertThat(ipmi.powerOn()).isTrue();
        assertThat(LIVE.fencer().log()).containsPattern("targeting " + NODE + " using redfish-" + NODE + " returned 1")
                .containsPattern("targeting " + NODE + " using ipmi-" + NODE + " returned 1");
    }
}
