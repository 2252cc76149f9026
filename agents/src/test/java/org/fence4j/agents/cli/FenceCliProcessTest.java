package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.fence4j.agents.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence-cli as separate processes, as operators and Pacemaker start it. */
class FenceCliProcessTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String SECRET = "Zq7-never-show-this-secret";

    @TempDir
    Path dir;

    Path config(String deviceParams) throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        Files.writeString(file, """
                state_dir: %s
                devices:
                  slow-pm01: { agent: scripted, params: { hostlist: pm01, %s } }
                  slow-pm02: { agent: scripted, params: { hostlist: pm02, %s } }
                targets:
                  pm01: { levels: [ { device: slow-pm01, timeout: 30s } ] }
                  pm02: { levels: [ { device: slow-pm02, timeout: 30s } ] }
                """.formatted(dir.resolve("state"), deviceParams, deviceParams));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    JavaProcess cli(Path config, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return JavaProcess.of(FenceCli.class.getName(), all.toArray(String[]::new));
    }

    @Test
    void twoProcessesNeverFenceTheSameTargetAtOnce() throws Exception {
        Path record = dir.resolve("record");
        Path config = config("delay: 1.5, record_file: " + record);
        JavaProcess.Running first = cli(config, "reset", "pm02").start();
        JavaProcess.Running second = cli(config, "reset", "pm02").start();
        assertThat(first.await(LIMIT).exitCode()).isZero();
        assertThat(second.await(LIMIT).exitCode()).isZero();
        assertThat(Files.readAllLines(record))
                .containsExactly("start reset pm02", "end reset pm02", "start reset pm02", "end reset pm02");
    }

    @Test
    void noWaitIsRefusedClearlyWhileAnotherProcessHoldsTheTarget() throws Exception {
        Path config = config("delay: 20");
        JavaProcess.Running holder = cli(config, "reset", "pm02").start();
        holder.awaitOutput("Fencing pm02 (reset) started.", LIMIT);
        JavaProcess.Result refused = cli(config, "reset", "pm02", "--no-wait").run(LIMIT);
        holder.process().destroyForcibly();
        holder.await(LIMIT);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.stderr()).contains("fence-cli: another request for pm02 is in progress (pid "
                + holder.pid() + ", reset by ").contains("; refused");
    }

    @Test
    void differentTargetsRunInParallel() throws Exception {
        Path record = dir.resolve("record");
        Path config = config("delay: 4, record_file: " + record);
        JavaProcess.Running a = cli(config, "off", "pm01").start();
        JavaProcess.Running b = cli(config, "off", "pm02").start();
        assertThat(a.await(LIMIT).exitCode()).isZero();
        assertThat(b.await(LIMIT).exitCode()).isZero();
        List<String> lines = Files.readAllLines(record);
        assertThat(lines.subList(0, 2)).allMatch(l -> l.startsWith("start"));
        assertThat(lines.subList(2, 4)).allMatch(l -> l.startsWith("end"));
    }

    @Test
    void ctrlCCancelsTheRequestAsAFailureAndRecordsIt() throws Exception {
        Path config = config("result: hang");
        JavaProcess.Running run = cli(config, "reset", "pm02").start();
        run.awaitOutput("Fencing pm02 (reset) started.", LIMIT);
        Thread.sleep(500); // the level thread is running
        run.signal("INT");
        JavaProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.stdout()).contains("Level 1 slow-pm02 (scripted): FAILURE after", "cancelled by the operator",
                "Fencing pm02 (reset) failed: cancelled in ");
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("\"outcome\":\"FAILURE\"",
                "cancelled by the operator");
    }

    @Test
    void theSecretAppearsInNoOutputOrLog() throws Exception {
        Path config = config("passwd: " + SECRET + ", result: failure");
        StringBuilder all = new StringBuilder();
        for (String[] args : List.of(new String[] {"reset", "pm02", "--verbose"}, new String[] {"reset", "pm02", "--json"},
                new String[] {"status", "pm02", "--verbose"}, new String[] {"show", "--json"}, new String[] {"history"},
                new String[] {"validate", "--verbose"}, new String[] {"list", "--json"},
                new String[] {"metadata", "scripted", "--json"}, new String[] {"reset", "pm02", "--timeout", "x"})) {
            JavaProcess.Result r = cli(config, args).run(LIMIT);
            all.append(r.all());
        }
        all.append(Files.readString(dir.resolve("state/history.jsonl")));
        // a configuration error near the secret must not quote it either
        Files.writeString(config, Files.readString(config).replace("result: failure", "result: [failure"));
        all.append(cli(config, "validate").run(LIMIT).all());
        assertThat(all.toString()).contains("Level 1 slow-pm02", "not valid YAML").doesNotContain(SECRET);
    }
}
