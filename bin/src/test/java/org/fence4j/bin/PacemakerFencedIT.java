package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.SyslogSocket;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * fence4j's agents under Pacemaker's real fencer ({@link StandaloneFencer}), driven with
 * {@code stonith_admin} as the cluster drives it: devices configured as fence_ipmilan ones are, a
 * three-level topology, the operator alert in syslog while the fencer waits, and the agent's own
 * answer before the fencer's timeout. The BMC is simulated on 127.0.0.1 and is the witness of what
 * was powered.
 */
class PacemakerFencedIT {
    static final int BMC_PORT = 10601;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final FencerOnCorosync.PerClass LIVE = new FencerOnCorosync.PerClass(() -> dir, "pacemaker-fenced-it.log",
            d -> Map.of());
    SyslogSocket syslog;
    StandaloneFencer fencer;
    SimulatedBmcFixture bmcFixture;
    SimulatedBmc bmc;
    Path rendezvous;

    @BeforeEach
    void startBmc() throws IOException {
        syslog = LIVE.syslog();
        fencer = LIVE.fencer();
        bmcFixture = new SimulatedBmcFixture(BMC_PORT);
        bmc = bmcFixture.bmc;
        // meatware refuses a rendezvous directory others could change (a temporary directory in /tmp)
        rendezvous = TrustedTempDir.create();
        fencer.markLog();
    }

    @AfterEach
    void stopBmc() throws IOException {
        fencer.deregisterAll();
        bmcFixture.close();
        try (Stream<Path> left = Files.walk(rendezvous)) {
            for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path secretFile(String name, String value) throws IOException {
        return SecretFiles.write(dir.resolve(name), value + "\n");
    }

    /** fence_ipmilan's usual options: no hostname, no pcmk_host_list. */
    private static String[] ipmilanStyle(Path passwordFile) {
        return new String[] {"ip=127.0.0.1", "ipport=" + BMC_PORT, "username=admin", "password_file=" + passwordFile,
            "lanplus=1"};
    }

    private static ChildProcess.Result confirm(String node, Path rendezvousDir) {
        return Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "", "confirm", node, "--rendezvous-dir",
                rendezvousDir.toString(), "--yes");
    }

    @Test
    void anIpmiDeviceWithoutHostnameFencesTheNodeItIsAskedTo() throws IOException {
        ChildProcess.Result metadata = fencer.admin("--metadata", "--agent", "fence_fence4j_ipmi");
        assertThat(metadata.stdout()).contains("<action name=\"status\"").doesNotContain("<action name=\"list\"");
        fencer.register("ipmi-any", "fence_fence4j_ipmi", ipmilanStyle(secretFile("bmc.passwd", bmcFixture.password)));
        fencer.register("ipmi-pm09", "fence_fence4j_ipmi", "hostname=pm09", "ip=127.0.0.1", "ipport=" + BMC_PORT,
                "username=admin", "password_file=" + dir.resolve("bmc.passwd"));

        // the fencer asks status with the node: any node for the device without hostname, only its own otherwise
        assertThat(fencer.admin("--list", "pm01", "--timeout", "60").stdout()).contains("ipmi-any")
                .doesNotContain("ipmi-pm09");
        assertThat(fencer.admin("--list", "pm09", "--timeout", "60").stdout()).contains("ipmi-any", "ipmi-pm09");

        // ipmi-pm09 refusing pm01 (an ERROR on stderr) is not part of what follows
        fencer.deregister("ipmi-pm09");
        fencer.markLog();
        ChildProcess.Result reboot = fencer.admin("--reboot", "pm01", "--timeout", "60");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc.powerOn()).isTrue();

        ChildProcess.Result off = fencer.admin("--fence", "pm01", "--timeout", "60");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(bmc.powerOn()).isFalse();
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up", "power down");
        // the fencer logs every stderr line of an agent as a warning: a success leaves none
        assertThat(fencer.stderrOf("fence_fence4j_ipmi")).isEmpty();
    }

    @Test
    void theWholeChainAsOneDeviceSucceedsWithoutAWordOnStderr() throws IOException {
        Path config = dir.resolve("chain.yaml");
        Files.writeString(config, """
                state_dir: %s
                devices:
                  ipmi-pm05: { agent: ipmi, params: { hostname: pm05, ipaddr: 127.0.0.1, ipport: %d, userid: admin, passwd_file: %s } }
                targets:
                  pm05: { levels: [ { device: ipmi-pm05, timeout: 30s } ] }
                """.formatted(dir.resolve("state"), BMC_PORT, secretFile("chain.passwd", bmcFixture.password)));
        fencer.register("chain", "fence_fence4j", "config=" + config, "pcmk_host_list=pm05");

        ChildProcess.Result reboot = fencer.admin("--reboot", "pm05", "--timeout", "60");

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(fencer.stderrOf("fence_fence4j")).isEmpty();
    }

    @Test
    void aThreeLevelTopologyFallsThroughToTheLevelThatFences() throws IOException {
        fencer.register("helper-pm11", "fence_fence4j_helper", "hostlist=pm11", "dead_check_target=127.0.0.1",
                "dead_check_trialcount=1", "run_standby_wait=no");
        fencer.register("ipmi-pm11", "fence_fence4j_ipmi", ipmilanStyle(secretFile("bmc.passwd", bmcFixture.password)));
        fencer.register("meatware-pm11", "fence_fence4j_meatware", "hostlist=pm11", "rendezvous_dir=" + rendezvous);
        fencer.registerLevel("pm11", 1, "helper-pm11");
        fencer.registerLevel("pm11", 2, "ipmi-pm11");
        fencer.registerLevel("pm11", 3, "meatware-pm11");

        ChildProcess.Result reboot = fencer.admin("--reboot", "pm11", "--timeout", "120");

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        // level 1: 127.0.0.1 answered ping, pm11 is alive; level 2 powered it off and on; level 3 never asked
        assertThat(fencer.log()).containsPattern("'reboot' \\[\\d+\\] targeting pm11 using helper-pm11 returned 1")
                .containsPattern("'reboot' \\[\\d+\\] targeting pm11 using ipmi-pm11 returned 0")
                .doesNotContain("using meatware-pm11");
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
        // the concise log tells of every level; no operator was alerted
        assertThat(syslog.lines()).noneMatch(l -> l.text().contains("OPERATOR INTERVENTION REQUIRED to reset pm11"));
    }

    @Test
    void whenTheBmcFailsTheOperatorHearsAtOnceAndConfirms() throws IOException {
        fencer.register("helper-pm12", "fence_fence4j_helper", "hostlist=pm12", "dead_check_target=127.0.0.1",
                "dead_check_trialcount=1", "run_standby_wait=no");
        fencer.register("ipmi-pm12", "fence_fence4j_ipmi", ipmilanStyle(secretFile("wrong.passwd", "not-the-password")));
        fencer.register("meatware-pm12", "fence_fence4j_meatware", "hostlist=pm12", "rendezvous_dir=" + rendezvous);
        fencer.registerLevel("pm12", 1, "helper-pm12");
        fencer.registerLevel("pm12", 2, "ipmi-pm12");
        fencer.registerLevel("pm12", 3, "meatware-pm12");

        ChildProcess.Running reboot = fencer.adminInBackground("--reboot", "pm12", "--timeout", "120");
        SyslogSocket.Line alert = syslog.await("OPERATOR INTERVENTION REQUIRED to reset pm12", Duration.ofSeconds(90));

        // while the fencer still waits: at crit level, with the command that confirms
        assertThat(alert.text()).startsWith("<26>").contains("fence4j-meatware[")
                .contains("fence-cli confirm pm12 --rendezvous-dir " + rendezvous);
        assertThat(bmc.powerOn()).isTrue();
        Instant confirmed = Instant.now();
        assertThat(confirm("pm12", rendezvous).exitCode()).isZero();
        ChildProcess.Result result = reboot.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(alert.arrived()).isBefore(confirmed);
        assertThat(fencer.log()).containsPattern("targeting pm12 using meatware-pm12 returned 0");
    }

    @Test
    void theExternalPluginTellsSyslogAtOnceToo() {
        fencer.register("meatware-pm14", "external/fence4j-meatware", "hostlist=pm14", "rendezvous_dir=" + rendezvous);

        ChildProcess.Running reboot = fencer.adminInBackground("--reboot", "pm14", "--timeout", "120");
        SyslogSocket.Line alert = syslog.await("OPERATOR INTERVENTION REQUIRED to reset pm14", Duration.ofSeconds(90));

        assertThat(alert.text()).startsWith("<26>").contains("fence-cli confirm pm14");
        assertThat(confirm("pm14", rendezvous).exitCode()).isZero();
        ChildProcess.Result result = reboot.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void theAgentAnswersBeforeTheFencerKillsIt() {
        // the fencer passes no timeout to an agent: timeout= tells it the device's pcmk_reboot_timeout
        fencer.register("meatware-pm13", "fence_fence4j_meatware", "hostlist=pm13", "rendezvous_dir=" + rendezvous,
                "timeout=8", "pcmk_reboot_timeout=8s");

        ChildProcess.Result reboot = fencer.admin("--reboot", "pm13", "--timeout", "60");

        assertThat(reboot.exitCode()).isNotZero();
        assertThat(syslog.lines()).anyMatch(l -> l.text().contains("OPERATOR INTERVENTION REQUIRED to reset pm13"));
        // its own answer, once, and not killed by the fencer
        assertThat(fencer.stderrOf("fence_fence4j_meatware")).anyMatch(l -> l.contains(
                "timed out: No operator confirmed that pm13 was reset"));
        assertThat(fencer.log()).containsPattern("targeting pm13 using meatware-pm13 returned 1")
                .doesNotContainPattern("(?i)meatware.*timed out after");
    }
}
