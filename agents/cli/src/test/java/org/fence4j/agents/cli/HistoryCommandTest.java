package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence-cli history: this node's records in local time, and with --cluster merged with the cluster's. */
class HistoryCommandTest {
    @TempDir
    Path dir;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void recordHistory() throws Exception {
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, FenceCliTest.config(dir.resolve("state"), dir.resolve("toys"), "fail", "normal"));
        // by hand hours before; then the fencer's request for pm03, the one of the captured history's events it ran here
        RecordedHistory.write(dir.resolve("state"),
                RecordedHistory.chain("pm01", "off", "root@/dev/pts/1", "2026-12-07T01:00:00Z",
                        "2026-12-07T01:00:01Z", "SUCCESS", "ipmi-pm01 SUCCESS 1000 pm01 is powered off."),
                RecordedHistory.chain("pm03", "reset", "pacemaker-fenced", "2026-12-07T04:27:01Z",
                        "2026-12-07T04:27:14.800Z", "SUCCESS", "helper-pm03 FAILURE 6300 pm03: 127.0.0.1 answered",
                        "ipmi-pm03 SUCCESS 600 pm03 is powered off."));
        env.putAll(Map.of("PW", ToyAgentProvider.PASSWORD, "FENCE4J_CONFIG", config.toString(), "TZ", "Europe/Paris"));
    }

    void clusterAnswers(String capturedXml, int exitCode) throws Exception {
        env.put("PATH", StandInStonithAdmin.answering(dir, capturedXml, exitCode).searchPath());
    }

    @Test
    void timesAreLocalToTheSecondAndDurationsReadable() {
        CliRun r = CliRun.of(env, "history");
        assertThat(r.out().lines()).containsExactly(
                "2026-12-07 02:00:00  pm01  off SUCCESS by level 1 (ipmi-pm01) in 1 s, requested by root@/dev/pts/1",
                "    level 1 ipmi-pm01 (toy): SUCCESS after 1 s: pm01 is powered off.",
                "2026-12-07 05:27:01  pm03  reset SUCCESS by level 2 (ipmi-pm03) in 14 s, requested by pacemaker-fenced",
                "    level 1 helper-pm03 (toy): FAILURE after 6.3 s: pm03: 127.0.0.1 answered",
                "    level 2 ipmi-pm03 (toy): SUCCESS after 0.6 s: pm03 is powered off.");
        assertThat(CliRun.of(env, "history", "pm01", "--utc").out()).startsWith("2026-12-07 01:00:00Z  pm01  off");
    }

    @Test
    void clusterMergesWhoFencedWhomWithThisNodesLevels() throws Exception {
        clusterAnswers("four-ended.xml", 0);
        CliRun r = CliRun.of(env, "history", "--cluster");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "2026-12-07 02:00:01  pm01  off SUCCESS by level 1 (ipmi-pm01) in 1 s, requested by root@/dev/pts/1"
                        + " (this node only)",
                "    level 1 ipmi-pm01 (toy): SUCCESS after 1 s: pm01 is powered off.",
                "2026-12-07 05:26:15  pm01  reboot succeeded: fenced by capnode for stonith_admin.13183 on capnode",
                "2026-12-07 05:26:45  pm02  off failed: tried by capnode for stonith_admin.13185 on capnode:"
                        + " Fence agent did not complete within 30s",
                "2026-12-07 05:27:15  pm03  reboot succeeded: fenced by capnode for stonith_admin.14886 on capnode,"
                        + " device ipmi-pm03",
                "    this node at 2026-12-07 05:27:01: reset SUCCESS by level 2 (ipmi-pm03) in 14 s, requested by"
                        + " pacemaker-fenced",
                "      level 1 helper-pm03 (toy): FAILURE after 6.3 s: pm03: 127.0.0.1 answered",
                "      level 2 ipmi-pm03 (toy): SUCCESS after 0.6 s: pm03 is powered off.",
                "2026-12-07 05:27:36  pm04  reboot succeeded: fenced by capnode for stonith_admin.16718 on capnode");
        assertThat(CliRun.of(env, "history", "--cluster", "--last", "1").out())
                .startsWith("2026-12-07 05:27:36  pm04  reboot succeeded");
    }

    @Test
    void clusterInJsonHasTheOffset() throws Exception {
        clusterAnswers("four-ended.xml", 0);
        JsonNode doc = new ObjectMapper().readTree(CliRun.of(env, "history", "--cluster", "--json").out());
        assertThat(doc.get("cluster").get("available").asBoolean()).isTrue();
        JsonNode pm03 = doc.get("events").get(3);
        assertThat(pm03.get("target").asText()).isEqualTo("pm03");
        assertThat(pm03.get("device").asText()).isEqualTo("ipmi-pm03");
        assertThat(pm03.get("cluster").get("completed").asText()).isEqualTo("2026-12-07T05:27:15.000+01:00");
        assertThat(pm03.get("cluster").get("delegate").asText()).isEqualTo("capnode");
        assertThat(pm03.get("local").get(0).get("start").asText()).isEqualTo("2026-12-07T05:27:01.000+01:00");
        assertThat(pm03.get("local").get(0).get("levels")).hasSize(2);
    }

    @Test
    void withoutAClusterItSaysSoInOneLineAndShowsThisNodesHistory() throws Exception {
        clusterAnswers("not-connected.xml", 102);
        CliRun r = CliRun.of(env, "history", "--cluster", "pm01");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).containsExactly("No cluster view (stonith_admin: Could not connect to fencer:"
                + " Transport endpoint is not connected); this node's history only:",
                "2026-12-07 02:00:00  pm01  off SUCCESS by level 1 (ipmi-pm01) in 1 s, requested by root@/dev/pts/1",
                "    level 1 ipmi-pm01 (toy): SUCCESS after 1 s: pm01 is powered off.");

        env.put("PATH", Files.createDirectory(dir.resolve("no-pacemaker")).toString());
        JsonNode doc = new ObjectMapper().readTree(CliRun.of(env, "history", "--cluster", "--json").out());
        assertThat(doc.get("cluster").get("unavailable").asText())
                .isEqualTo("cannot run stonith_admin: no such executable file on the PATH");
        assertThat(doc.get("events")).hasSize(2).allMatch(e -> e.get("cluster").isNull());
    }

    @Test
    void aLastOfNoneIsRefusedNamingTheOption() {
        CliRun r = CliRun.of(env, "history", "--last", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--last: expected a whole number of at least 1, got 0");
    }
}
