package org.fence4j.agents.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.requester.Requester;

/** What the subcommands share in one run: the configuration, history, locks and the caller. */
final class Session {
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
            config = new ConfigLoader(AgentRegistry.load(), root.environment()).load(configFile());
        }
        return config;
    }

    /** The configuration file: --config, else $FENCE4J_CONFIG, else the default. */
    Path configFile() {
        return ConfigLoader.locate(root.global.config(), root.environment());
    }

    FenceConfig.Target target(String name) throws ConfigException {
        FenceConfig c = config();
        return c.target(name).orElseThrow(() -> new ConfigException(c.source() + ": no target '" + name
                + "'; configured targets: " + String.join(", ", new java.util.TreeSet<>(c.targets().keySet()))));
    }

    History history() throws ConfigException {
        return Fencer.history(config().stateDir());
    }

    /** The request's time limit: --timeout, else the sum of the level timeouts. */
    Duration timeout(FenceConfig.Target target) {
        return root.global.timeout() != null ? root.global.timeout()
                : target.levels().stream().map(FenceConfig.Level::timeout).reduce(Duration.ZERO, Duration::plus);
    }

    /** How times print: --utc, else local time. */
    TimeText times() {
        return TimeText.of(root.global.utc(), root.environment());
    }

    /**
     * Pacemaker's fencing history, from stonith_admin found on the run's PATH; a time it gives without
     * offset is this machine's local time.
     */
    ClusterHistory clusterHistory(Optional<String> target) throws InterruptedException {
        return new StonithAdmin(root.environment().apply("PATH"), TimeText.of(false, root.environment()).zone(),
                StonithAdmin.LIMIT)
                .history(target);
    }

    /** Who asked, for the history. */
    String requester() {
        return Requester.describe(root.environment());
    }
}
