package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.requester.Requester;
import org.fence4j.agents.spi.Proof;

/**
 * A whole configured chain as one device (type {@code chain}): what Pacemaker runs as
 * {@code stonith:external/fence4j} or {@code fence_fence4j}, so that the chain, its locks and its
 * history are fence4j's own while the cluster sees a single device.
 */
public final class ChainAgentProvider implements FenceAgentProvider {
    public static final String TYPE = ConfigLoader.WHOLE_CHAIN_TYPE;
    static final ParameterSpec CONFIG = ParameterSpec.string("config", "fence4j configuration file")
            .withLongDescription("The fence4j.yaml whose targets and levels this device runs (default: $"
                    + ConfigLoader.CONFIG_VARIABLE + ", else " + ConfigLoader.DEFAULT_FILE + ").");

    private final UnaryOperator<String> environment;

    public ChainAgentProvider() {
        this(System::getenv);
    }

    ChainAgentProvider(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("fence4j fencing chain",
                "fence4j: the configured chain of fencing levels of each target",
                "Runs the levels configured for the target in fence4j.yaml in priority order (for example a"
                        + " liveness check, IPMI, then operator confirmation) until one confirms the target fenced.",
                "https://github.com/fence4j/fence4j");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(CONFIG);
    }

    /** Reads and validates the configuration: a local file, no device is contacted. */
    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        Path file = ConfigLoader.locate(parameters.get(CONFIG.name()).map(Path::of).orElse(null), environment);
        try {
            return new ChainAgent(new ConfigLoader(AgentRegistry.load(), environment).load(file), environment);
        } catch (ConfigException e) {
            throw new ParameterException(e.problems());
        }
    }

    private record ChainAgent(FenceConfig config, UnaryOperator<String> environment) implements FenceAgent {

        @Override
        public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
            if (action == FenceAction.MONITOR) {
                return monitor(deadline);
            }
            if (target == null && config.targets().size() != 1) {
                // status without a plug: unambiguous only with a single target
                return FenceResult.failure("name the target (plug): " + config.source() + " has the targets "
                        + String.join(", ", targets()));
            }
            String name = target != null ? target : config.targets().keySet().iterator().next();
            Optional<FenceConfig.Target> chain = config.target(name);
            if (chain.isEmpty()) {
                return FenceResult.failure("'" + name + "' is not a target in " + config.source() + " (targets: "
                        + String.join(", ", targets()) + ")");
            }
            if (action == FenceAction.STATUS) {
                ChainResult r = new FencingChain(ChainListener.NONE).survey(chain.get(), action, deadline.remaining());
                new DeviceHealth(config.stateDir()).remember(r);
                return r.succeeded() ? FenceResult.power(r.power(), r.summary()) : FenceResult.failure(r.summary());
            }
            try {
                ChainResult r = new Fencer(config, ChainListener.NONE, TargetLocks.shared(),
                        ConciseLog.fromEnvironment(environment))
                        .fence(chain.get(), action, Requester.describe(environment), deadline, true);
                // the winning level's proof travels with the chain's answer: the adapters check it again
                return new FenceResult(r.outcome(), r.summary(), r.power(),
                        r.succeededBy().map(LevelReport::proof).orElse(Proof.NONE));
            } catch (TargetLocks.BusyException | IOException e) {
                return FenceResult.failure(e.getMessage());
            }
        }

        /** Every device of every target healthy; else which are not, and why. */
        private FenceResult monitor(Deadline deadline) {
            DeviceHealth health = new DeviceHealth(config.stateDir());
            List<String> unhealthy = config.targets().values().stream()
                    .map(t -> new FencingChain(ChainListener.NONE).survey(t, FenceAction.MONITOR, deadline.remaining()))
                    .peek(health::remember).filter(r -> r.outcome() != Outcome.SUCCESS)
                    .map(ChainResult::summaryWithReasons)
                    .toList();
            return unhealthy.isEmpty()
                    ? FenceResult.success("every device of " + config.targets().size() + " targets is healthy.")
                    : FenceResult.failure(String.join(" ", unhealthy));
        }

        @Override
        public List<String> targets() {
            return List.copyOf(new TreeSet<>(config.targets().keySet()));
        }

        @Override
        public List<String> problems(Deadline deadline) {
            try {
                config.validate(deadline);
                return List.of();
            } catch (ConfigException e) {
                return e.problems();
            }
        }
    }
}
