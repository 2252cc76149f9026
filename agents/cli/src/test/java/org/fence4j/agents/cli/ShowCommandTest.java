package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence-cli show: one screen of every target, once or --watch'ed. */
class ShowCommandTest {
    static final String LONG_REASON = "pm02: 127.0.0.1 answered ping\\n   so pm02 is alive; " + "x".repeat(120);

    @TempDir
    Path dir;
    Path state;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void recordHistory() throws Exception {
        Path config = dir.resolve("fence4j.yaml");
        state = dir.resolve("state");
        Files.writeString(config, FenceCliTest.config(state, dir.resolve("toys"), "fail", "normal"));
        RecordedHistory.write(state,
                RecordedHistory.chain("pm02", "reset", "pacemaker-fenced", "2026-12-07T04:26:00Z",
                        "2026-12-07T04:26:14.800Z", "SUCCESS", "helper-pm02 FAILURE 6300 " + LONG_REASON,
                        "ipmi-pm02 SUCCESS 600 pm02 is powered off."),
                // a monitor's failure afterwards is no fence
                RecordedHistory.device("pm02", "monitor", "ipmi-pm02", "FAILURE", "2026-12-07T04:30:00Z",
                        "2026-12-07T04:30:01Z"));
        env.putAll(Map.of("PW", ToyAgentProvider.PASSWORD, "FENCE4J_CONFIG", config.toString(), "TZ", "Europe/Paris"));
    }

    @Test
    void eachTargetItsLevelsItsLastFenceAndWhyALevelFailedOnALineEach() {
        CliRun r = CliRun.of(env, "show");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).first().asString().startsWith("Fencing chains of " + dir.resolve("fence4j.yaml")
                + " at 20");
        assertThat(r.out().lines().skip(1)).containsExactly(
                "  * pm02, last fence 2026-12-07 05:26:14: reset SUCCESS by level 2 (ipmi-pm02) in 15 s, requested by"
                        + " pacemaker-fenced",
                "      1 helper-pm02  (toy)  timeout 40 s    FAILURE after 6.3 s: pm02: 127.0.0.1 answered ping so pm02 is"
                        + " alive; " + "x".repeat(49) + "...", // 100 characters
                "      2 ipmi-pm02    (toy)  timeout 60 s    SUCCESS after 0.6 s",
                "      3 meat-pm02    (toy)  timeout 10 min",
                "  * pm01, no fence recorded",
                "      1 ipmi-pm01  (toy)  timeout 5 s");
    }

    @Test
    void eachLevelShowsItsDevicesLastStatusOrMonitor() throws Exception {
        for (String toy : new String[] {"helper", "ipmi", "meat"}) {
            Files.createDirectories(dir.resolve("toys").resolve(toy));
        }
        CliRun status = CliRun.of(env, "status", "pm02");
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero(); // level 1 fails (mode fail), level 2 reads the power
        CliRun monitor = CliRun.of(env, "status", "--monitor", "pm01");
        assertThat(monitor.exitCode()).as(monitor.err()).isZero();
        String screen = CliRun.of(env, "show").out();
        assertThat(screen).containsPattern("      1 helper-pm02 .*\n          last status 20[0-9: -]+: FAILURE: toy device"
                + " refused status \\(mode=fail\\)\n");
        assertThat(screen).containsPattern("      2 ipmi-pm02 .*\n          last status 20[0-9: -]+: SUCCESS\n");
        assertThat(screen).containsPattern("      1 ipmi-pm01 .*\n          last monitor 20[0-9: -]+: SUCCESS\n");
    }

    @Test
    void withTheClusterEachTargetsLastActionThereAndTheTargetsNotConfiguredHere() throws Exception {
        env.put("PATH", StandInStonithAdmin.answering(dir, "four-ended.xml", 0).searchPath());
        CliRun r = CliRun.of(env, "show", "--cluster");
        assertThat(r.out()).contains("""
                  * pm01, no fence recorded
                    cluster, 2026-12-07 05:26:15: reboot succeeded: fenced by capnode for stonith_admin.13183 on capnode
                """, """
                    cluster, 2026-12-07 05:26:45: off failed: tried by capnode for stonith_admin.13185 on capnode: Fence\
                 agent did not complete within 30s
                """, """
                  * pm03 (not in this configuration):
                    cluster, 2026-12-07 05:27:15: reboot succeeded: fenced by capnode for stonith_admin.14886 on capnode
                  * pm04 (not in this configuration):
                """);

        env.put("PATH", Files.createDirectory(dir.resolve("no-pacemaker")).toString());
        assertThat(CliRun.of(env, "show", "--cluster").out().lines()).element(1)
                .isEqualTo("No cluster view (cannot run stonith_admin: no such executable file on the PATH)");
    }

    @Test
    void jsonHasTheLastFenceWithTheOffset() throws Exception {
        JsonNode pm02 = new ObjectMapper().readTree(CliRun.of(env, "show", "--json").out()).get(0);
        assertThat(pm02.get("target").asText()).isEqualTo("pm02");
        assertThat(pm02.get("last").get("end").asText()).isEqualTo("2026-12-07T05:26:14.800+01:00");
        assertThat(pm02.get("last").get("levels")).hasSize(2);
        assertThat(pm02.has("cluster")).isFalse();
    }

    @Test
    void aWatchOutOfBoundsOrWithJsonIsRefusedNamingTheOption() {
        for (String seconds : new String[] {"0", "3601"}) {
            CliRun r = CliRun.of(env, "show", "--watch", seconds);
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--watch: expected a whole number of seconds from 1 to 3600, got " + seconds);
        }
        CliRun json = CliRun.of(env, "show", "--watch", "5", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.err()).contains("--watch: not with --json");
    }

    @Test
    void watchShowsEachNewFenceUntilInterrupted() throws Exception {
        ObservedOutput out = new ObservedOutput();
        Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                env::get, false);
        Thread[] watcher = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        watcher[0] = new Thread(() -> exit.complete(FenceCli.run(new String[] {"show", "--watch", "1"}, terminal)));
        watcher[0].start();
        out.await("* pm01, no fence recorded");

        Files.writeString(state.resolve("history.jsonl"), RecordedHistory.chain("pm01", "off", "root@/dev/pts/1",
                "2026-12-07T04:40:00Z", "2026-12-07T04:40:01Z", "SUCCESS", "ipmi-pm01 SUCCESS 1000 pm01 is off.")
                + "\n", StandardOpenOption.APPEND);
        out.await("* pm01, last fence 2026-12-07 05:40:01: off SUCCESS");

        watcher[0].interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out.text()).doesNotContain(ShowCommand.CLEAR_SCREEN); // not a terminal: screens one after another
    }

    /** What the watch wrote so far, and a bounded wait for a text in it. */
    static final class ObservedOutput extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            notifyAll();
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized void await(String expected) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (text.indexOf(expected) < 0) {
                long left = end - System.nanoTime();
                assertThat(left).as("waited 30 s for %s in:%n%s", expected, text).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
