package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.cli.ExitCodes;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dead_check_target nothing could answer from is refused wherever the helper is used: validate
 * calls the configuration wrong, and fencing fails with the reason instead of calling the
 * target dead. No packet is sent: the helper refuses before probing, and the fencing calls run
 * in a network namespace of their own, so that even a helper that probed would reach nothing.
 */
class UnanswerableTargetTest {
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final List<String> UNANSWERABLE = List.of("224.0.0.1", "240.0.0.1", "fe80::1",
            "255.255.255.255", "0.0.0.0", "::");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"224.0.0.1", "240.0.0.1", "fe80::1", "255.255.255.255", "0.0.0.0", "::"})
    void theAgentCannotBeCreated(String address) {
        assertThatThrownBy(() -> new HelperAgentProvider().create(TestParameters.resolve("hostlist", "pm02",
                "dead_check_target", address, "run_standby_wait", "no")))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("dead_check_target: '" + address + "' is ")
                .hasMessageContaining("so silence would prove nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"224.0.0.1", "240.0.0.1", "fe80::1", "255.255.255.255", "0.0.0.0", "::"})
    void fenceCliValidateCallsTheConfigurationWrong(String address) throws Exception {
        Cli validate = fenceCli(address, "validate");

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).contains("devices.helper-pm02.params: dead_check_target: '" + address + "' is ",
                "so silence would prove nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"224.0.0.1", "240.0.0.1", "fe80::1", "255.255.255.255", "0.0.0.0", "::"})
    void fencingFailsTheLevelWithTheReason(String address) throws Exception {
        writeConfig(address);
        ChildProcess.Result reset = ChildProcess.run(isolated(ChildProcess.java(FenceCli.class,
                List.of("--config", dir.resolve("fence4j.yaml").toString(), "reset", "pm02"))), Map.of(), "",
                Duration.ofSeconds(60));

        assertThat(reset.exitCode()).as(reset.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(reset.stdout()).contains("Level 1 helper-pm02 (helper): FAILURE", "cannot use helper-pm02",
                "dead_check_target: '" + address + "' is ").doesNotContain("SUCCESS");
    }

    @Test
    void fenceAgentsValidateAllAndRebootRefuseEachAddress() {
        String input = "hostlist=pm02\ndead_check_target=" + String.join(" ", UNANSWERABLE)
                + "\nrun_standby_wait=no\nplug=pm02\n";
        List<String> command = ChildProcess.java(FenceAgentsCommand.class, List.of("helper"));

        ChildProcess.Result validate = ChildProcess.run(command, Map.of(), "action=validate-all\n" + input,
                Duration.ofSeconds(60));
        ChildProcess.Result reboot = ChildProcess.run(isolated(command), Map.of(), "action=reboot\n" + input,
                Duration.ofSeconds(60));

        assertThat(validate.exitCode()).as(validate.all()).isEqualTo(1);
        assertThat(validate.stderr()).endsWith("ERROR: validate-all failed\n")
                .as("given, though refused").doesNotContain("'dead_check_target' is required");
        assertThat(reboot.exitCode()).as(reboot.all()).isEqualTo(1);
        assertThat(reboot.stdout()).doesNotContain("Success");
        for (ChildProcess.Result result : List.of(validate, reboot)) {
            for (String address : UNANSWERABLE) {
                assertThat(result.stderr()).contains("ERROR: dead_check_target: '" + address + "' is ");
            }
        }
    }

    /**
     * {@code command} in a network namespace of its own with nothing but a loopback that is down: a
     * fencing call that probed one of these addresses anyway (the bug these tests guard against)
     * would send nothing off this machine.
     */
    private static List<String> isolated(List<String> command) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(UNSHARE),
                "a fencing call is run only in a network namespace of its own: needs root and unshare");
        return Stream.concat(Stream.of(UNSHARE.toString(), "--net"), command.stream()).toList();
    }

    private record Cli(int exitCode, String out, String err) {
    }

    /** fence-cli in this JVM on a configuration whose only level for pm02 is a helper probing {@code address}. */
    private Cli fenceCli(String address, String... args) throws Exception {
        writeConfig(address);
        Map<String, String> env = new HashMap<>(Map.of("FENCE4J_CONFIG", dir.resolve("fence4j.yaml").toString()));
        String locks = System.getenv(TargetLocks.DIR_VARIABLE);
        if (locks != null) {
            env.put(TargetLocks.DIR_VARIABLE, locks);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FenceCli.run(args, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), env::get,
                false));
        return new Cli(code, out.toString(), err.toString());
    }

    /** A configuration whose only level for pm02 is a helper probing {@code address}. */
    private void writeConfig(String address) throws Exception {
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %s
                devices:
                  helper-pm02:
                    agent: helper
                    params: { hostlist: pm02, dead_check_target: '%s', dead_check_trialcount: 1, run_standby_wait: no }
                targets:
                  pm02:
                    levels:
                      - { device: helper-pm02, timeout: 10s }
                """.formatted(dir.resolve("state"), address));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }
}
