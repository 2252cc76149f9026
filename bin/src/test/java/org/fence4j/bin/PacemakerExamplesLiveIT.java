package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.SyslogSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pacemaker configurations of examples/ and of the README, pasted as shipped into a CIB file
 * (pcs, crmsh) and run by the real pacemaker-fenced ({@link StandaloneFencer}) from that CIB
 * ({@link CibFencing}), asked as the cluster asks: with Pacemaker's default stonith-timeout. Only
 * the placeholders are filled in: the BMCs (127.0.0.1 and 127.0.0.2, as shipped) are simulated
 * on a test port, the nodes' interconnect addresses are on loopback (they answer: the node is
 * alive), the password files and state directory are the test's own. The helper's standby check
 * runs as shipped: without a cluster this node is standby and waits its 25 s, as in a split brain;
 * {@code crm_node} answers for the controller this fencer runs without ({@link #membership}).
 * Each level must end within its device's time with one attempt, and the fencer must let meatware
 * wait for the operator.
 */
class PacemakerExamplesLiveIT {
    static final int BMC_PORT = 10681;
    /** Pacemaker's default stonith-timeout, which the controller gives every fencing request. */
    static final String STONITH_TIMEOUT = "60";
    private static final Pattern WAIT = Pattern.compile("Waiting up to (\\d+):(\\d\\d)");

    @TempDir
    static Path dir;
    static FencerOnCorosync live;
    SimulatedBmcFixture bmc01;
    SimulatedBmcFixture bmc02;
    CibFile cib;
    /** The syslog lines of this test are those that arrived after it. */
    Instant testStart;

    @BeforeAll
    static void startFencer() throws IOException {
        FencerOnCorosync.assumeAvailable();
        CibFile.assumePcs();
        // the per-level devices record their calls in FENCE4J_STATE_DIR, never in this machine's /var/lib/fence4j
        live = FencerOnCorosync.start(dir, "pacemaker-examples-live-it.log", Map.of("FENCE4J_STATE_DIR",
                dir.resolve("state").toString(), "PATH", membership() + ":/usr/sbin:/usr/bin:/sbin:/bin"));
    }

    /**
     * A directory with a {@code crm_node} that answers {@code -p} as a live cluster's controller
     * does, which this fencer runs without: this node is the partition's only member, the node to
     * fence has left. The helper then passes its online check at once, as on a cluster node, and
     * its level takes what it took there (25 s of its 40: a failure the fencer retries by default).
     */
    private static Path membership() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("membership"));
        Path crmNode = Files.writeString(bin.resolve("crm_node"), "#!/bin/sh\n[ \"$1\" = -p ] || exit 1\necho "
                + LoopbackCorosync.NODE + "\n");
        Files.setPosixFilePermissions(crmNode, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @AfterAll
    static void stopFencer() {
        if (live != null) {
            live.close();
        }
    }

    @BeforeEach
    void startBmcs() throws IOException {
        bmc01 = new SimulatedBmcFixture(InetAddress.getByName("127.0.0.1"), BMC_PORT);
        bmc02 = new SimulatedBmcFixture(InetAddress.getByName("127.0.0.2"), BMC_PORT);
        cib = CibFile.withTwoNodes(Files.createTempDirectory(dir, "cib"));
        live.fencer.markLog();
        testStart = Instant.now();
    }

    @AfterEach
    void stopBmcs() {
        live.fencer.deregisterAll();
        bmc01.close();
        bmc02.close();
    }

    @Test
    void fencingTopologyPcsFencesPm02AtLevel2WithOneAttemptPerLevel() throws IOException {
        writePasswords(true);
        cib.runScript(dir, "fencing-topology.pcs", example("fencing-topology.pcs"));
        CibFencing.register(cib.file, live.fencer);

        assertFencedAtLevel2("fence_fence4j_helper", "fence_fence4j_ipmi");
    }

    @Test
    void grpStonithCrmFencesPm02AtLevel2WithOneAttemptPerLevel() throws IOException {
        CibFile.assumeCrm();
        writePasswords(true);
        cib.crmLoadUpdate(Files.writeString(dir.resolve("grpStonith.crm"), example("grpStonith.crm")));
        CibFencing.register(cib.file, live.fencer);

        assertFencedAtLevel2("external/fence4j-helper", "external/fence4j-ipmi");
    }

    @Test
    void readmesTopologyLetsMeatwareWaitForTheOperator() throws IOException {
        writePasswords(false);
        loadReadme();

        Instant start = Instant.now();
        ChildProcess.Running reboot = live.fencer.adminInBackground("--reboot", "pm01", "--timeout", STONITH_TIMEOUT);
        SyslogSocket.Line alert = operatorAlert("pm01");

        // the fencer allows meatware its pcmk_reboot_timeout (600 s; its own timer 1.2 times that),
        // and the agent answers before: it waits at most its timeout less a quarter, at most 5 s
        assertThat(live.fencer.log()).containsPattern("targeting pm01 using stonith1-3 .*\\(720s\\)");
        assertThat(waitAnnounced(alert)).isLessThanOrEqualTo(Duration.ofSeconds(595));
        assertThat(confirm("pm01").exitCode()).isZero();
        ChildProcess.Result result = reboot.await(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(live.fencer.log()).containsPattern("targeting pm01 using stonith1-1 returned 1")
                .containsPattern("targeting pm01 using stonith1-2 returned 1")
                .containsPattern("targeting pm01 using stonith1-3 returned 0");
        assertNoRetryNorKill();
        assertThat(levelTime("pm01", "fence_fence4j_helper")).isLessThan(Duration.ofSeconds(40));
        assertThat(levelTime("pm01", "fence_fence4j_ipmi")).isLessThan(Duration.ofSeconds(60));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(150));
    }

    @Test
    void readmesChainDeviceLetsMeatwareWaitAndRecordsTheFence() throws IOException {
        writePasswords(false);
        Files.writeString(dir.resolve("fence4j.yaml"), example("fence4j.yaml"));
        loadReadme();

        Instant start = Instant.now();
        ChildProcess.Running reboot = live.fencer.adminInBackground("--reboot", "pm02", "--timeout", STONITH_TIMEOUT);
        SyslogSocket.Line alert = operatorAlert("pm02");

        // the chain device's 720 s (the fencer's own timer 1.2 times that) outlast the chain's levels
        assertThat(live.fencer.log()).contains("Total timeout set to 864 for peer's fencing targeting pm02");
        assertThat(Duration.between(start, alert.arrived()).plus(waitAnnounced(alert)))
                .isLessThan(Duration.ofSeconds(720));
        assertThat(confirm("pm02").exitCode()).isZero();
        ChildProcess.Result result = reboot.await(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(live.fencer.log()).containsPattern("targeting pm02 using fence4j returned 0");
        assertNoRetryNorKill();
        ChildProcess.Result history = Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "", "history",
                "--config", dir.resolve("fence4j.yaml").toString(), "pm02");
        assertThat(history.stdout()).as(history.all()).contains("pm02  reset SUCCESS by level 3 (meatware-pm02)")
                .contains("requested by pacemaker-fenced");
    }

    /** The README's pcs commands (the levels of pm01 and the chain device), placeholders filled. */
    private void loadReadme() throws IOException {
        cib.runScript(dir, "readme.sh", "set -eu\n" + fill(String.join("\n", Readme.shellBlocksWith("pcs stonith"))));
        CibFencing.register(cib.file, live.fencer);
    }

    private void assertFencedAtLevel2(String helper, String ipmi) {
        ChildProcess.Result reboot = live.fencer.admin("--reboot", "pm02", "--timeout", STONITH_TIMEOUT);

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(bmc02.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc01.bmc.chassisLog()).isEmpty();
        // the fencer gives the topology the sum of its levels' timeouts, 1.2 times
        assertThat(live.fencer.log()).contains("Total timeout set to 840 for peer's fencing targeting pm02")
                .containsPattern("targeting pm02 using stonith2-1 returned 1")
                .containsPattern("targeting pm02 using stonith2-2 returned 0");
        assertNoRetryNorKill();
        // the helper found pm02 alive after its standby wait, once, within its 40 s
        assertThat(levelTime("pm02", helper)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(40));
        assertThat(levelTime("pm02", ipmi)).isLessThan(Duration.ofSeconds(60));
    }

    private static void assertNoRetryNorKill() {
        assertThat(live.fencer.log()).doesNotContain("Attempt 2").doesNotContainIgnoringCase("timed out after")
                .doesNotContain("Timer expired");
    }

    /**
     * How long the one call of this agent for this node took, from its concise log line ("Fencing
     * pm02 (reset) by fence_fence4j_helper failed in 27.3 s: ..."); fails unless there is exactly one.
     */
    private Duration levelTime(String node, String agent) {
        String call = "Fencing " + node + " (reset) by " + agent + " ";
        List<String> lines = live.syslog.lines().stream().filter(l -> l.arrived().isAfter(testStart))
                .map(SyslogSocket.Line::text).filter(l -> l.contains(call)).toList();
        assertThat(lines).as("calls of %s for %s", agent, node).hasSize(1);
        Matcher took = Pattern.compile(" in (\\d+(?:\\.\\d)?) s: ").matcher(lines.get(0));
        assertThat(took.find()).as(lines.get(0)).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(took.group(1)) * 1000));
    }

    /** Meatware's line to syslog when it starts to wait for the operator, after the levels before it. */
    private static SyslogSocket.Line operatorAlert(String node) {
        return live.syslog.await("OPERATOR INTERVENTION REQUIRED to reset " + node, Duration.ofSeconds(150));
    }

    /** The wait meatware announced: "Waiting up to 9:54." */
    private static Duration waitAnnounced(SyslogSocket.Line alert) {
        Matcher m = WAIT.matcher(alert.text());
        assertThat(m.find()).as(alert.text()).isTrue();
        return Duration.ofMinutes(Long.parseLong(m.group(1))).plusSeconds(Long.parseLong(m.group(2)));
    }

    private static ChildProcess.Result confirm(String node) {
        return Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of(), "", "confirm", node, "--yes");
    }

    /** The BMCs' passwords in root-only files where the examples expect them; wrong ones fail level 2. */
    private void writePasswords(boolean right) throws IOException {
        SecretFiles.write(dir.resolve("pm01.passwd"), (right ? bmc01.password : "not-the-password") + "\n");
        SecretFiles.write(dir.resolve("pm02.passwd"), (right ? bmc02.password : "not-the-password") + "\n");
    }

    private static String example(String name) throws IOException {
        return fill(Files.readString(Dist.HOME.resolve("examples").resolve(name)));
    }

    /**
     * An example with its placeholders filled in, as an operator fills them: interconnect addresses
     * (169.254.N.M) on loopback (127.0.N.M), the BMCs' port, the files of /etc/fence4j and the state
     * directory in the test's directory.
     */
    private static String fill(String example) {
        return example.replaceAll("169\\.254\\.(\\d+)\\.(\\d+)", "127.0.$1.$2")
                .replaceAll("(ipport\\W{1,2})623\\b", "$1" + BMC_PORT)
                .replace("/etc/fence4j/", dir + "/")
                .replace("/var/lib/fence4j", dir.resolve("state").toString());
    }
}
