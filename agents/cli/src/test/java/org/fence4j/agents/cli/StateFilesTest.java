package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.protocol.external.ExternalPlugin;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.HoldLock;
import org.fence4j.agents.testing.Nobody;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state and lock directories against a local user (issue 13, item 4): private modes, no
 * symbolic link followed, directories another user could change refused before any power command,
 * and a history that a reader keeps locked neither delays nor changes the outcome.
 */
class StateFilesTest {
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Path state;
    Path toys;
    Path config;
    ToyDevice device;

    @BeforeEach
    void configure() throws Exception {
        toys = Files.createDirectories(dir.resolve("toys"));
        device = new ToyDevice(toys);
        configure(dir.resolve("state"));
    }

    void configure(Path stateDir) throws Exception {
        state = stateDir;
        config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %s
                devices:
                  toy-pm02: { agent: toy, params: { hostlist: pm02, state_dir: %s, passwd: %s } }
                targets:
                  pm02: { levels: [ { device: toy-pm02, timeout: 10s } ] }
                """.formatted(state, toys, ToyAgentProvider.PASSWORD));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    CliRun reset() {
        return CliRun.of(Map.of("FENCE4J_CONFIG", config.toString()), "reset", "pm02");
    }

    List<String> cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return ChildProcess.java(FenceCli.class, all);
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theStateAndLockDirectoriesAreCreatedPrivate() throws Exception {
        Path locks = Path.of(System.getenv(TargetLocks.DIR_VARIABLE));
        assertThat(reset().exitCode()).isZero();
        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("history.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(locks)).isEqualTo("rwx------");
        assertThat(mode(locks.resolve("pm02.lock"))).isEqualTo("rw-------");
    }

    @Test
    void anOlderHistoryReadableByAllIsMadePrivate() throws Exception {
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(state.resolve("history.jsonl"), "");
        Files.setPosixFilePermissions(state.resolve("history.jsonl"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(reset().exitCode()).isZero();
        assertThat(mode(state.resolve("history.jsonl"))).isEqualTo("rw-------");
        assertThat(Files.readString(state.resolve("history.jsonl"))).contains("\"target\":\"pm02\"");
    }

    @Test
    void nobodyCannotOpenOrLockTheHistory() throws Exception {
        Nobody.assumeRoot();
        assertThat(reset().exitCode()).isZero();
        Path history = state.resolve("history.jsonl");
        ChildProcess.Result flock = ChildProcess.run(Nobody.command("flock", "-s", "-n", history.toString(), "true"),
                Map.of(), "", LIMIT);
        assertThat(flock.exitCode()).as(flock.all()).isNotZero();
        assertThat(flock.stderr()).contains("Permission denied");
        ChildProcess.Result java = ChildProcess.run(HoldLock.command(history, Nobody.AS_NOBODY), Map.of(), "", LIMIT);
        assertThat(java.exitCode()).isNotZero();
        assertThat(java.all()).contains("AccessDeniedException").doesNotContain("locked");
    }

    @Test
    void aUserWhoCannotReadTheConfigurationIsToldToRunItAsRoot() throws Exception {
        Nobody.assumeRoot();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        ChildProcess.Result r = ChildProcess.run(Nobody.java(FenceCli.class, List.of("--config", config.toString(),
                "status", "pm02"), jars), Map.of(), "", LIMIT);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr()).isEqualTo("fence-cli: " + config + ": cannot read the configuration: permission denied:"
                + " run it as root (or as the user that owns it)\n");
    }

    @Test
    void aReaderHoldingTheHistoryLockNeitherDelaysNorFailsTheFence() throws Exception {
        assertThat(reset().exitCode()).isZero(); // the history exists
        Path history = state.resolve("history.jsonl");
        String before = Files.readString(history);
        // root-level robustness: a process that may open the file (nobody cannot, see above) keeps it locked
        ChildProcess.Running reader = ChildProcess.start(HoldLock.command(history, List.of()), Map.of(), "");
        try {
            reader.awaitOutput("locked", LIMIT);
            ChildProcess.Result cli = ChildProcess.run(cli("--timeout", "5s", "reset", "pm02"), Map.of(), "",
                    Duration.ofSeconds(20));
            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.stdout()).contains("Fencing pm02 succeeded by level 1");
            assertThat(cli.stderr()).as(cli.all()).contains("The history could not be written, the outcome stands: " + history
                    + " is locked by another process");

            // the whole chain as Pacemaker runs it: a confirmed fence stays a success
            ChildProcess.Result agent = ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, List.of("chain")),
                    Map.of(), "action=off\nport=pm02\ntimeout=5\nconfig=" + config + "\n", Duration.ofSeconds(20));
            assertThat(agent.exitCode()).as(agent.all()).isZero();
            assertThat(agent.stdout()).isEqualTo("Success: Powered OFF\n");
            assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
        } finally {
            reader.kill();
        }
        assertThat(Files.readString(history)).isEqualTo(before);
    }

    @Test
    void aStateDirectoryWritableByOthersCostsTheHistoryNotTheFence() throws Exception {
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        ChildProcess.Result r = ChildProcess.run(cli("reset", "pm02"), Map.of(), "", LIMIT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stderr()).startsWith("ERROR The history could not be written, the outcome stands: state directory "
                + state + " is writable by group or others (mode 0777); expected 0700: chmod 700 " + state + "; not recorded: ");
        assertThat(device.actions()).containsExactly("reset pm02");
        assertThat(Files.exists(state.resolve("history.jsonl"))).isFalse();
        // reading it is still refused: what another user could have written there is not shown as history
        assertThat(CliRun.of(Map.of("FENCE4J_CONFIG", config.toString()), "history").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aStateDirectoryNobodyCreatedFirstBlocksNoFence() throws Exception {
        Nobody.assumeRoot();
        // nobody plants the directory where root will keep its state: a world-writable, sticky place like /tmp
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        configure(shared.resolve("state"));
        ChildProcess.Result mkdir = ChildProcess.run(Nobody.command("mkdir", "-m", "700", state.toString()), Map.of(),
                "", LIMIT);
        assertThat(mkdir.exitCode()).as(mkdir.all()).isZero();
        String refused = "ERROR The history could not be written, the outcome stands: state directory " + state
                + " is owned by nobody (uid 65534); expected root, the user fencing runs as: chown root " + state;

        ChildProcess.Result r = ChildProcess.run(cli("reset", "pm02"), Map.of(), "", LIMIT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stderr()).startsWith(refused);
        assertThat(device.actions()).containsExactly("reset pm02");

        // the whole chain as Pacemaker runs it, and as cluster-glue does: a fence all the same
        ChildProcess.Result agent = ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, List.of("chain")),
                Map.of(), "action=off\nport=pm02\ntimeout=10\nconfig=" + config + "\n", Duration.ofSeconds(30));
        assertThat(agent.exitCode()).as(agent.all()).isZero();
        assertThat(agent.stdout()).isEqualTo("Success: Powered OFF\n");
        assertThat(agent.stderr()).contains(refused);
        ChildProcess.Result plugin = ChildProcess.run(ChildProcess.java(ExternalPlugin.class, List.of("chain", "on",
                "pm02")), Map.of("config", config.toString()), "", Duration.ofSeconds(30));
        assertThat(plugin.exitCode()).as(plugin.all()).isZero();
        assertThat(plugin.stderr()).contains(refused);
        assertThat(device.actions()).containsExactly("reset pm02", "off pm02", "on pm02");

        // and validate says so before any fence
        CliRun validate = CliRun.of(Map.of("FENCE4J_CONFIG", config.toString()), "validate");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).contains("state directory " + state + " is owned by nobody (uid 65534)");
    }

    @Test
    void aSymbolicLinkPlantedAsTheHistoryIsNotFollowedAndTheOutcomeStands() throws Exception {
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Path victim = Files.writeString(dir.resolve("victim"), "root's file\n");
        Files.createSymbolicLink(state.resolve("history.jsonl"), victim);
        ChildProcess.Result r = ChildProcess.run(cli("reset", "pm02"), Map.of(), "", LIMIT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stderr()).contains("The history could not be written, the outcome stands: "
                + state.resolve("history.jsonl") + " in the state directory is a symbolic link; fence4j never follows"
                + " one there");
        assertThat(Files.readString(victim)).isEqualTo("root's file\n");
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
        assertThat(device.actions()).containsExactly("reset pm02");
    }

    @Test
    void aLockDirectoryWritableByOthersIsRefusedBeforeAnyPowerCommand() throws Exception {
        Path locks = Files.createDirectories(dir.resolve("locks"));
        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwxrwxrwx"));
        ChildProcess.Result r = ChildProcess.run(cli("reset", "pm02"), Map.of(TargetLocks.DIR_VARIABLE, locks.toString()),
                "", LIMIT);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr()).contains("fence-cli: lock directory " + locks + " is writable by group or others");
        assertThat(device.calls()).isEmpty();
    }

    @Test
    void aSymbolicLinkPlantedAsALockIsRefusedBeforeAnyPowerCommand() throws Exception {
        Path locks = Files.createDirectories(dir.resolve("locks"));
        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwx------"));
        Path victim = Files.writeString(dir.resolve("victim"), "root's file\n");
        Files.createSymbolicLink(locks.resolve("pm02.lock"), victim);
        ChildProcess.Result r = ChildProcess.run(cli("reset", "pm02"), Map.of(TargetLocks.DIR_VARIABLE, locks.toString()),
                "", LIMIT);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr()).contains(locks.resolve("pm02.lock") + " in the lock directory is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("root's file\n");
        assertThat(device.calls()).isEmpty();
    }
}
