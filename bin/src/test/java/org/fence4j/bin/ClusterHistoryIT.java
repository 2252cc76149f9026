package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fence-cli history --cluster} and {@code show --cluster} against Pacemaker's real fencer
 * ({@link StandaloneFencer} on a {@link LoopbackCorosync}): the cluster tells who fenced whom from which
 * node, this node's history by which device and through which levels. The chain device fences pm21 (its
 * first level has the wrong password, its second fences) and fails to fence pm22 (wrong password only);
 * the BMC is simulated on 127.0.0.1.
 */
class ClusterHistoryIT {
    static final int BMC_PORT = 10671;
    /** Asia/Kolkata: half an hour off any whole-hour zone, so a time read in the wrong zone shows. */
    static final Map<String, String> OPERATOR = Map.of("TZ", "Asia/Kolkata", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @TempDir
    static Path dir;
    static LoopbackCorosync corosync;
    static StandaloneFencer fencer;
    static SimulatedBmcFixture bmc;
    static Path config;

    @BeforeAll
    static void fenceThroughTheCluster() throws IOException {
        Dist.assumeBuilt();
        StandaloneFencer.assumeAvailable();
        LoopbackCorosync.assumeAvailable();
        corosync = LoopbackCorosync.start(dir);
        fencer = StandaloneFencer.start(Path.of("target", "cluster-history-it.log").toAbsolutePath(), Map.of());
        bmc = new SimulatedBmcFixture(BMC_PORT);
        Path right = SecretFiles.write(dir.resolve("right.passwd"), bmc.password + "\n");
        Path wrong = SecretFiles.write(dir.resolve("wrong.passwd"), "not-the-password\n");
        config = Files.writeString(dir.resolve("fence4j.yaml"), """
                state_dir: %1$s
                devices:
                  stale-pm21: { agent: ipmi, params: { hostname: pm21, ipaddr: 127.0.0.1, ipport: %2$d, userid: admin, passwd_file: %4$s } }
                  ipmi-pm21:  { agent: ipmi, params: { hostname: pm21, ipaddr: 127.0.0.1, ipport: %2$d, userid: admin, passwd_file: %3$s } }
                  ipmi-pm22:  { agent: ipmi, params: { hostname: pm22, ipaddr: 127.0.0.1, ipport: %2$d, userid: admin, passwd_file: %4$s } }
                targets:
                  pm21: { levels: [ { device: stale-pm21, timeout: 20s }, { device: ipmi-pm21, timeout: 30s } ] }
                  pm22: { levels: [ { device: ipmi-pm22, timeout: 20s } ] }
                """.formatted(dir.resolve("state"), BMC_PORT, right, wrong));
        fencer.register("chain", "fence_fence4j", "config=" + config, "pcmk_host_list=pm21 pm22");
        ChildProcess.Result reboot = fencer.admin("--reboot", "pm21", "--timeout", "90");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        ChildProcess.Result off = fencer.admin("--fence", "pm22", "--timeout", "60");
        assertThat(off.exitCode()).as(off.all()).isNotZero();
        // kept after the run (in target/), for what the fencer answered
        Files.writeString(Path.of("target", "cluster-history-it.xml"),
                fencer.admin("--history", "*", "--verbose", "--output-as", "xml").stdout());
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
        if (fencer != null) {
            fencer.close();
        }
        if (corosync != null) {
            corosync.close();
        }
    }

    static ChildProcess.Result fenceCli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        ChildProcess.Result r = Dist.run(Dist.HOME.resolve("bin/fence-cli"), OPERATOR, "", all);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r;
    }

    @Test
    void historyTellsWhoFencedWhomFromWhereAndThisNodesDeviceAndLevels() {
        String node = LoopbackCorosync.NODE;
        String out = fenceCli("history", "--cluster").stdout();
        assertThat(out).containsPattern("(?m)^" + TIME + "  pm21  reboot succeeded: fenced by " + node
                + " for stonith_admin\\.\\d+ on " + node + ", device ipmi-pm21$")
                .containsPattern("(?m)^    this node at " + TIME + ": reset SUCCESS by level 2 \\(ipmi-pm21\\) in .+ s,"
                        + " requested by ")
                .containsPattern("(?m)^      level 1 stale-pm21 \\(ipmi\\): FAILURE after \\d+(\\.\\d)? m?s: .+")
                // the fencer gives no reason for an agent's exit code 1; it tried twice, this node has both
                .containsPattern("(?m)^" + TIME + "  pm22  off failed: tried by " + node + " for stonith_admin\\.\\d+ on "
                        + node + "$")
                .containsPattern("(?m)^    this node at " + TIME + ": off FAILURE in .+\n      level 1 ipmi-pm22 \\(ipmi\\):"
                        + " FAILURE after .+: cannot log in to the BMC at 127\\.0\\.0\\.1:" + BMC_PORT)
                .doesNotContain("No cluster view", "this node only");
    }

    @Test
    void jsonTimesOfTheClusterAndOfThisNodeAgreeWithTheirOffset() throws IOException {
        JsonNode events = new ObjectMapper().readTree(fenceCli("history", "--cluster", "--json").stdout()).get("events");
        JsonNode pm21 = events.get(0);
        assertThat(pm21.get("target").asText()).isEqualTo("pm21");
        String completed = pm21.get("cluster").get("completed").asText();
        String end = pm21.get("local").get(0).get("end").asText();
        assertThat(completed).endsWith("+05:30");
        assertThat(end).endsWith("+05:30");
        // Pacemaker's end is cut to the second and noted after the agent's: a second or two apart at most
        Duration apart = Duration.between(OffsetDateTime.parse(end).toInstant(), OffsetDateTime.parse(completed)
                .toInstant()).abs();
        assertThat(apart).isLessThan(Duration.ofSeconds(3));
        assertThat(Duration.between(OffsetDateTime.parse(completed).toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void showHasEachTargetsLastActionInTheCluster() {
        String out = fenceCli("show", "--cluster").stdout();
        assertThat(out).containsPattern("(?m)^  \\* pm21, last fence " + TIME + ": reset SUCCESS by level 2 \\(ipmi-pm21\\)")
                .containsPattern("(?m)^    cluster, " + TIME + ": reboot succeeded: fenced by " + LoopbackCorosync.NODE)
                .containsPattern("(?m)^      1 stale-pm21 +\\(ipmi\\) +timeout 20 s +FAILURE after .+")
                .containsPattern("(?m)^    cluster, " + TIME + ": off failed: tried by " + LoopbackCorosync.NODE);
    }
}
