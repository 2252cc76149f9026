package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.Await;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence-cli as separate processes, as operators and Pacemaker start it. */
class FenceCliProcessTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String SECRET = ToyAgentProvider.PASSWORD;

    @TempDir
    Path dir;

    /** Both devices share one toy state directory, {@code dir}, so its calls log shows both. */
    Path config(String deviceParams) throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        String params = "state_dir: " + dir + ", passwd: " + SECRET + ", " + deviceParams;
        Files.writeString(file, """
                state_dir: %s
                devices:
                  slow-pm01: { agent: toy, params: { hostlist: pm01, %s } }
                  slow-pm02: { agent: toy, params: { hostlist: pm02, %s } }
                targets:
                  pm01: { levels: [ { device: slow-pm01, timeout: 30s } ] }
                  pm02: { levels: [ { device: slow-pm02, timeout: 30s } ] }
                """.formatted(dir.resolve("state"), params, params));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static List<String> cli(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return ChildProcess.java(FenceCli.class, all);
    }

    static ChildProcess.Running start(List<String> command) {
        return ChildProcess.start(command, Map.of(), "");
    }

    static ChildProcess.Result run(List<String> command) {
        return ChildProcess.run(command, Map.of(), "", LIMIT);
    }

    @Test
    void twoProcessesNeverFenceTheSameTargetAtOnce() throws Exception {
        Path config = config("wait_ms: 1500");
        ChildProcess.Running first = start(cli(config, "reset", "pm02"));
        ChildProcess.Running second = start(cli(config, "reset", "pm02"));
        assertThat(first.await(LIMIT).exitCode()).isZero();
        assertThat(second.await(LIMIT).exitCode()).isZero();
        assertThat(new ToyDevice(dir).calls())
                .containsExactly("start reset pm02", "end reset pm02", "start reset pm02", "end reset pm02");
    }

    @Test
    void noWaitIsRefusedClearlyWhileAnotherProcessHoldsTheTarget() throws Exception {
        Path config = config("wait_ms: 20000");
        ChildProcess.Running holder = start(cli(config, "reset", "pm02"));
        holder.awaitOutput("Fencing pm02 (reset) started.", LIMIT);
        // a global option: before the command as after it
        List<ChildProcess.Result> refused = List.of(run(cli(config, "reset", "pm02", "--no-wait")),
                run(cli(config, "--no-wait", "reset", "pm02")));
        holder.kill();
        for (ChildProcess.Result r : refused) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.stderr()).contains("fence-cli: another request for pm02 is in progress (pid "
                    + holder.pid() + ", reset by ").contains("; refused");
        }
    }

    /** The closing line says it; the log's ERROR line would print the same sentence again on the terminal. */
    @Test
    void aFailedFenceSaysSoOnce() throws Exception {
        Path config = config("mode: fail");
        ChildProcess.Result r = run(cli(config, "reset", "pm02"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        String failed = "Fencing pm02 (reset) failed: all 1 level failed in ";
        assertThat(r.stdout()).containsOnlyOnce(failed);
        assertThat(r.stderr()).doesNotContain(failed);
        // without the closing line (--json), the log's line is the sentence
        assertThat(run(cli(config, "reset", "pm02", "--json")).stderr()).contains("ERROR " + failed);
    }

    @Test
    void differentTargetsRunInParallel() throws Exception {
        Path config = config("wait_ms: 4000");
        ChildProcess.Running a = start(cli(config, "off", "pm01"));
        ChildProcess.Running b = start(cli(config, "off", "pm02"));
        assertThat(a.await(LIMIT).exitCode()).isZero();
        assertThat(b.await(LIMIT).exitCode()).isZero();
        List<String> lines = new ToyDevice(dir).calls();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 2)).allMatch(l -> l.startsWith("start"));
        assertThat(lines.subList(2, 4)).allMatch(l -> l.startsWith("end"));
    }

    @Test
    void ctrlCCancelsTheRequestAsAFailureAndRecordsIt() throws Exception {
        Path config = config("mode: hang");
        ChildProcess.Running run = start(cli(config, "reset", "pm02"));
        run.awaitOutput("Fencing pm02 (reset) started.", LIMIT);
        Await.until("the level's thread started the request (the toy device recorded it)",
                () -> new ToyDevice(dir).calls().contains("start reset pm02"), Duration.ofSeconds(5));
        run.signal("INT");
        ChildProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.stdout()).contains("Level 1 slow-pm02 (toy): FAILURE after", "cancelled by the operator",
                "Fencing pm02 (reset) failed: cancelled in ");
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("\"outcome\":\"FAILURE\"",
                "cancelled by the operator");
    }

    @Test
    void showWatchEndsAtOnceOnCtrlCWithSuccessAndOnSigterm() throws Exception {
        Path config = config("mode: normal");
        for (String signal : List.of("INT", "TERM")) {
            ChildProcess.Running watch = start(cli(config, "show", "--watch", "3600"));
            watch.awaitOutput("* pm02, no fence recorded", LIMIT);
            watch.signal(signal);
            // far within the hour it would otherwise wait for its next screen
            ChildProcess.Result r = watch.await(Duration.ofSeconds(20));
            assertThat(r.exitCode()).as(signal).isEqualTo(signal.equals("INT") ? ExitCodes.SUCCESS : 128 + 15);
            assertThat(r.stderr()).as(signal).isEmpty();
        }
    }

    @Test
    void theSecretAppearsInNoOutputOrLog() throws Exception {
        Path config = config("mode: fail");
        StringBuilder all = new StringBuilder();
        for (String[] args : List.of(new String[] {"reset", "pm02", "--verbose"}, new String[] {"reset", "pm02", "--json"},
                new String[] {"status", "pm02", "--verbose"}, new String[] {"show", "--json"}, new String[] {"history"},
                new String[] {"validate", "--verbose"}, new String[] {"list", "--json"},
                new String[] {"metadata", "toy", "--json"}, new String[] {"reset", "pm02", "--timeout", "x"})) {
            all.append(run(cli(config, args)).all());
        }
        all.append(Files.readString(dir.resolve("state/history.jsonl")));
        // a configuration error near the secret must not quote it either
        Files.writeString(config, Files.readString(config).replace("mode: fail", "mode: [fail"));
        all.append(run(cli(config, "validate")).all());
        assertThat(all.toString()).contains("Level 1 slow-pm02", "not valid YAML").doesNotContain(SECRET);
    }
}
