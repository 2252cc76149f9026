package org.fence4j.agents.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.AgentRegistry;

/** What the subcommands share in one run: the configuration, history, locks and the caller. */
final class Session {
    static final String STATE_DIR_VARIABLE = "FENCE4J_STATE_DIR";

    private final FenceCli root;
    private FenceConfig config;

    Session(FenceCli root) {
        this.root = root;
    }

    GlobalOptions options() {
        return root.global;
    }

    Terminal terminal() {
        return root.terminal;
    }

    FenceConfig config() throws ConfigException {
        if (config == null) {
            Path file = ConfigLoader.locate(root.global.config, root.environment());
            config = new ConfigLoader(AgentRegistry.load(), root.environment()).load(file);
        }
        return config;
    }

    FenceConfig.Target target(String name) throws ConfigException {
        FenceConfig c = config();
        return c.target(name).orElseThrow(() -> new ConfigException(c.source() + ": no target '" + name
                + "'; configured targets: " + String.join(", ", new java.util.TreeSet<>(c.targets().keySet()))));
    }

    Path stateDir() throws ConfigException {
        String fromEnv = root.environment().apply(STATE_DIR_VARIABLE);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : config().stateDir();
    }

    History history() throws ConfigException {
        return new History(stateDir().resolve("history.jsonl"));
    }

    TargetLocks locks() throws ConfigException {
        return new TargetLocks(stateDir().resolve("locks"));
    }

    /** The request's time limit: --timeout, else the sum of the level timeouts. */
    Duration timeout(FenceConfig.Target target) {
        return root.global.timeout != null ? root.global.timeout
                : target.levels().stream().map(FenceConfig.Level::timeout).reduce(Duration.ZERO, Duration::plus);
    }

    /** Who asked, for the history: the cluster's fencer, or user and terminal. */
    String requester() {
        String service = root.environment().apply("PCMK_service");
        if (service != null && !service.isBlank()) {
            return service;
        }
        String user = System.getProperty("user.name", "unknown");
        try {
            Path tty = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
            String name = tty.toString();
            return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty") ? user + "@" + name : user;
        } catch (IOException | UnsupportedOperationException e) {
            return user;
        }
    }
}
