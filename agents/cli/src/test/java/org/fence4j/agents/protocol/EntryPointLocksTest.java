package org.fence4j.agents.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.protocol.external.ExternalPlugin;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry point takes the same per-target lock before a power command (issue 13, item 3):
 * fence-cli, the fence_fence4j* agents, the external/fence4j* plugins and the whole-chain device,
 * each a process of its own, started while another holds the target. The toy device's calls log
 * shows every request's start and end, so an interleaving would show as a start inside another.
 */
class EntryPointLocksTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String SECRET = ToyAgentProvider.PASSWORD;

    @TempDir
    Path dir;

    /** A configuration whose one toy device (state in {@code dir}) fences pm02; its own state_dir. */
    Path config(String name, String waitMs) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                state_dir: %1$s/%2$s-state
                devices:
                  toy-pm02: { agent: toy, params: { hostlist: pm02, state_dir: %1$s, passwd: %3$s, wait_ms: %4$s } }
                targets:
                  pm02: { levels: [ { device: toy-pm02, timeout: 30s } ] }
                """.formatted(dir, name, SECRET, waitMs));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static ChildProcess.Running start(List<String> command, String stdin) {
        return ChildProcess.start(command, Map.of(), stdin);
    }

    /** A device called alone records in the state directory of its environment: the test's own. */
    private ChildProcess.Running startDevice(List<String> command, String stdin) {
        return ChildProcess.start(command, Map.of("FENCE4J_STATE_DIR", dir.resolve("devices-state").toString()), stdin);
    }

    static List<String> cli(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return ChildProcess.java(FenceCli.class, all);
    }

    /** fence_fence4j_toy as Pacemaker's fencer runs it, options on stdin. */
    String fenceAgentStdin(String action, int timeoutSeconds) {
        return "action=" + action + "\nport=pm02\nhostlist=pm02\nstate_dir=" + dir + "\npasswd=" + SECRET
                + "\ntimeout=" + timeoutSeconds + "\n";
    }

    ChildProcess.Running fenceAgent(String action, int timeoutSeconds) {
        return startDevice(ChildProcess.java(FenceAgentsCommand.class, List.of("toy")),
                fenceAgentStdin(action, timeoutSeconds));
    }

    /** Starts fence-cli's reset of pm02 and returns once its power command has begun. */
    ChildProcess.Running holdPm02(Path config) {
        ChildProcess.Running holder = start(cli(config, "reset", "pm02"), "");
        awaitCall("start reset pm02");
        return holder;
    }

    void awaitCall(String line) {
        ToyDevice device = new ToyDevice(dir);
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!device.calls().contains(line)) {
            assertThat(System.nanoTime() - end).as("'" + line + "' in the toy's calls log").isNegative();
            Thread.onSpinWait();
        }
    }

    /** Both succeeded, and the holder's reset ended before the other request's off began. */
    void assertTookTurns(ChildProcess.Running holder, ChildProcess.Result off) {
        assertThat(holder.await(LIMIT).exitCode()).isZero();
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(new ToyDevice(dir).calls())
                .containsExactly("start reset pm02", "end reset pm02", "start off pm02", "end off pm02");
    }

    @Test
    void fenceCliAndAFenceAgentForTheSameNodeTakeTurns() throws Exception {
        ChildProcess.Running cli = holdPm02(config("cli", "1500"));
        ChildProcess.Result off = fenceAgent("off", 30).await(LIMIT);
        assertTookTurns(cli, off);
        assertThat(off.stdout()).isEqualTo("Success: Powered OFF\n");
        assertThat(new ToyDevice(dir).power("pm02")).isEqualTo(PowerState.OFF);
    }

    @Test
    void fenceCliAndAnExternalPluginForTheSameNodeTakeTurns() throws Exception {
        ChildProcess.Running cli = holdPm02(config("cli", "1500"));
        ChildProcess.Result off = ChildProcess.run(ChildProcess.java(ExternalPlugin.class, List.of("toy", "off", "pm02")),
                Map.of("hostlist", "pm02", "state_dir", dir.toString(), "passwd", SECRET, "FENCE4J_STATE_DIR",
                        dir.resolve("devices-state").toString()), "", LIMIT);
        assertTookTurns(cli, off);
    }

    @Test
    void theWholeChainDeviceAndFenceCliTakeTurnsAndTheChainDoesNotWaitForItself() throws Exception {
        Path pacemakers = config("pacemaker", "0");
        ChildProcess.Running cli = holdPm02(config("cli", "1500"));
        ChildProcess.Result off = start(ChildProcess.java(FenceAgentsCommand.class, List.of("chain")),
                "action=off\nport=pm02\ntimeout=30\nconfig=" + pacemakers + "\n").await(LIMIT);
        assertTookTurns(cli, off);
        // the chain's own request took the lock once: its level ran (and succeeded) under it
        assertThat(Files.readString(dir.resolve("pacemaker-state/history.jsonl"))).contains("\"outcome\":\"SUCCESS\"");
    }

    @Test
    void aFenceAgentThatKnowsTheNodeByAnotherPlugNameLocksPacemakersNodeName() throws Exception {
        ChildProcess.Running cli = holdPm02(config("cli", "1500"));
        ChildProcess.Result off = startDevice(ChildProcess.java(FenceAgentsCommand.class, List.of("toy")),
                "action=off\nnodename=PM02\nport=outlet-7\nhostlist=outlet-7\nstate_dir=" + dir + "\npasswd=" + SECRET
                        + "\ntimeout=30\n").await(LIMIT);
        assertThat(cli.await(LIMIT).exitCode()).isZero();
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(new ToyDevice(dir).calls())
                .containsExactly("start reset pm02", "end reset pm02", "start off outlet-7", "end off outlet-7");
    }

    @Test
    void twoConfigurationFilesStillShareTheNodesLock() throws Exception {
        ChildProcess.Running first = holdPm02(config("first", "1500"));
        ChildProcess.Result second = start(cli(config("second", "0"), "off", "pm02"), "").await(LIMIT);
        assertTookTurns(first, second);
    }

    @Test
    void aFenceAgentWhoseDeadlineComesFirstIsRefusedNamingTheHolder() throws Exception {
        ChildProcess.Running cli = holdPm02(config("cli", "20000"));
        ChildProcess.Result off = fenceAgent("off", 2).await(LIMIT);
        List<String> calls = new ToyDevice(dir).calls();
        cli.kill();
        assertThat(off.exitCode()).isEqualTo(1);
        assertThat(off.stderr()).startsWith("ERROR: Failed: another request for pm02 is in progress (pid " + cli.pid()
                + ", reset by ").contains(" since ", "and did not finish in time; refused");
        assertThat(calls).containsExactly("start reset pm02");
    }

    @Test
    void statusDoesNotWaitBehindAFence() throws Exception {
        ChildProcess.Running cli = holdPm02(config("cli", "20000"));
        ChildProcess.Result status = fenceAgent("status", 30).await(LIMIT);
        List<String> calls = new ToyDevice(dir).calls();
        cli.kill();
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.stdout()).isEqualTo("Status: ON\n");
        assertThat(calls).as("the reset still ran when status answered")
                .containsExactly("start reset pm02", "start status pm02", "end status pm02");
    }
}
