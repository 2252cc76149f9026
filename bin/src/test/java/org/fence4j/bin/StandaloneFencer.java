package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;

/**
 * Pacemaker's real fencer, {@code pacemaker-fenced -c} (stand-alone with corosync's CPG, as
 * Pacemaker's own cts-fencing runs it: no CIB, devices and levels come from {@code stonith_admin};
 * {@code -s} alone would ignore topologies), on a {@link LoopbackCorosync}, running the agents of
 * the runnable directory as a cluster node would: the fencer runs {@code fence_*} agents from /usr/sbin only and cluster-glue plugins
 * from /usr/lib/stonith/plugins/external, so the launchers are installed there for the test (the
 * fence_* as links into the runnable directory, the plugins as copies that find it through
 * FENCE4J_HOME) and removed afterwards. Nothing is installed over an existing file.
 */
final class StandaloneFencer implements AutoCloseable {
    static final Path DAEMON = Path.of("/usr/lib/pacemaker/pacemaker-fenced");
    static final Path ADMIN = Path.of("/usr/sbin/stonith_admin");
    static final Path AGENT_DIR = Path.of("/usr/sbin");
    static final Path PLUGIN_DIR = Path.of("/usr/lib/stonith/plugins/external");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration ADMIN_LIMIT = Duration.ofSeconds(150);

    private final Path log;
    private final List<Path> installed = new ArrayList<>();
    private final List<String> devices = new ArrayList<>();
    /** Each as stonith_admin's arguments that name it: target, --index, N. */
    private final List<List<String>> levels = new ArrayList<>();
    private ChildProcess.Running daemon;
    private int mark;

    private StandaloneFencer(Path log) {
        this.log = log;
    }

    /** Skips the test unless this machine can run a fencer of the test's own. */
    static void assumeAvailable() {
        assumeTrue("root".equals(System.getProperty("user.name")), "pacemaker-fenced runs as root");
        assumeTrue(Files.isExecutable(DAEMON), "pacemaker is not installed (" + DAEMON + ")");
        assumeTrue(Files.isExecutable(ADMIN), "pacemaker-cli-utils is not installed (" + ADMIN + ")");
        assumeTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().command()
                .filter(c -> c.endsWith("/pacemaker-fenced")).isPresent()),
                "a pacemaker-fenced runs already (a cluster on this machine): its IPC name is taken");
        for (String type : Dist.TYPES) {
            for (Path target : List.of(agentPath(type), pluginPath(type))) {
                assumeTrue(!Files.exists(target, LinkOption.NOFOLLOW_LINKS),
                        target + " exists already (an installed fence4j?): not touched, test skipped");
            }
        }
    }

    /**
     * Installs the launchers and starts the fencer with the given environment (plus JAVA_HOME and
     * FENCE4J_HOME); returns once {@code stonith_admin} reaches it.
     */
    static StandaloneFencer start(Path log, Map<String, String> environment) {
        StandaloneFencer fencer = new StandaloneFencer(log);
        try {
            Files.deleteIfExists(log);
            fencer.install();
            Map<String, String> env = new HashMap<>(Dist.withJava(environment));
            env.put("FENCE4J_HOME", Dist.HOME.toString());
            fencer.daemon = ChildProcess.start(List.of(DAEMON.toString(), "-c", "-l", log.toString()), env, "");
            fencer.awaitReady();
            return fencer;
        } catch (IOException e) {
            fencer.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            fencer.close();
            throw e;
        }
    }

    private static Path agentPath(String type) {
        return AGENT_DIR.resolve(Dist.agent(type).getFileName());
    }

    private static Path pluginPath(String type) {
        return PLUGIN_DIR.resolve(Dist.plugin(type).getFileName());
    }

    private void install() {
        try {
            for (String type : Dist.TYPES) {
                Path agent = agentPath(type);
                Files.createSymbolicLink(agent, Dist.agent(type));
                installed.add(agent);
                // cluster-glue runs only plugins that group and others cannot write
                Path plugin = pluginPath(type);
                Files.copy(Dist.plugin(type), plugin, StandardCopyOption.COPY_ATTRIBUTES);
                installed.add(plugin);
                Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (admin("--list-registered").exitCode() != 0) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("pacemaker-fenced did not answer within " + START_LIMIT + "; log: " + fullLog());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Runs {@code stonith_admin} with these arguments to its end. */
    ChildProcess.Result admin(String... args) {
        return ChildProcess.run(command(args), Map.of(), "", ADMIN_LIMIT);
    }

    /** Starts {@code stonith_admin} and returns while it runs. */
    ChildProcess.Running adminInBackground(String... args) {
        return ChildProcess.start(command(args), Map.of(), "");
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ADMIN.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Registers a device with {@code --register}; {@link #deregisterAll} removes it. */
    void register(String device, String agent, String... options) {
        List<String> args = new ArrayList<>(List.of("--register", device, "--agent", agent));
        for (String option : options) {
            args.add("--option");
            args.add(option);
        }
        ChildProcess.Result registered = admin(args.toArray(String[]::new));
        assertThat(registered.exitCode()).as("register %s: %s", device, registered.all()).isZero();
        devices.add(device);
    }

    /** Level {@code index} of {@code target}'s topology: this device; {@link #deregisterAll} removes it. */
    void registerLevel(String target, int index, String device) {
        List<String> level = List.of(target, "--index", String.valueOf(index));
        ChildProcess.Result registered = admin("--register-level", target, "--index", String.valueOf(index),
                "--device", device);
        assertThat(registered.exitCode()).as("level %d of %s: %s", index, target, registered.all()).isZero();
        levels.add(level);
    }

    void deregister(String device) {
        ChildProcess.Result removed = admin("--deregister", device);
        assertThat(removed.exitCode()).as("deregister %s: %s", device, removed.all()).isZero();
        devices.remove(device);
    }

    /** Removes every level and device registered: the next test's targets have only its own. */
    void deregisterAll() {
        for (List<String> level : levels) {
            List<String> args = new ArrayList<>(List.of("--deregister-level"));
            args.addAll(level);
            admin(args.toArray(String[]::new));
        }
        levels.clear();
        for (String device : devices) {
            admin("--deregister", device);
        }
        devices.clear();
    }

    /** From now on {@link #log} shows only what the fencer logs after this point (one test's share). */
    void markLog() {
        mark = fullLog().length();
    }

    /** The fencer's log since {@link #markLog}. */
    String log() {
        return fullLog().substring(mark);
    }

    private String fullLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fencer's log lines of what {@code agent} wrote on stderr (it logs each one as a warning). */
    List<String> stderrOf(String agent) {
        return log().lines().filter(l -> l.contains(" " + agent + "[") && l.contains("stderr")).toList();
    }

    /** Stops the fencer (SIGTERM, then SIGKILL) and removes every file it installed. */
    @Override
    public void close() {
        try {
            if (daemon != null) {
                daemon.signal("TERM");
                daemon.await(Duration.ofSeconds(30));
            }
        } catch (AssertionError e) {
            daemon.kill();
        } finally {
            uninstall();
        }
    }

    private void uninstall() {
        for (Path path : installed) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + path + " installed by the test", e);
            }
        }
        installed.clear();
    }
}
