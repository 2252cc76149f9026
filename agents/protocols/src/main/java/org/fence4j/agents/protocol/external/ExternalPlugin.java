package org.fence4j.agents.protocol.external;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.fence4j.agents.chain.LockedCall;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.logging.Logging;
import org.fence4j.agents.protocol.AdapterProcess;
import org.fence4j.agents.protocol.Timeouts;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.NodeName;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/**
 * Any fence4j agent as a cluster-glue external STONITH plugin ({@code stonith:external/NAME}).
 * The launcher script passes the agent type first: {@code ExternalPlugin TYPE OPERATION [HOST]}.
 * Parameters come from environment variables; data goes to stdout; exit 0 means success and
 * anything else failure, as cluster-glue's external.c and Pacemaker's fence_legacy read it.
 */
public final class ExternalPlugin {
    static final int OK = 0;
    static final int FAILED = 1;

    private final AgentRegistry registry;
    private final UnaryOperator<String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration spent;

    ExternalPlugin(AgentRegistry registry, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        this(registry, environment, out, err, Duration.ZERO);
    }

    /** @param spent how long the caller's timeout has run already (this process's start-up) */
    ExternalPlugin(AgentRegistry registry, UnaryOperator<String> environment, PrintStream out, PrintStream err,
            Duration spent) {
        this.registry = registry;
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.spent = spent;
    }

    public static void main(String[] args) {
        Logging.configure(false);
        AdapterProcess.exit(execute(args));
    }

    /** Runs one operation on the process's environment and stdout; returns the exit code. */
    public static int execute(String... args) {
        return execute(System::getenv, args);
    }

    /** Runs one operation with the parameters cluster-glue would set in the environment; returns the exit code. */
    public static int execute(UnaryOperator<String> environment, String... args) {
        return new ExternalPlugin(AgentRegistry.load(), environment, System.out, System.err,
                Timeouts.sinceProcessStart()).run(args);
    }

    int run(String[] args) {
        if (args.length < 2) {
            err.println("usage: ExternalPlugin AGENT-TYPE OPERATION [HOST]; operations: " + ExternalOperation.words());
            return FAILED;
        }
        Optional<FenceAgentProvider> provider = registry.find(args[0]);
        if (provider.isEmpty()) {
            err.println("unknown agent type '" + args[0] + "'; installed agent types: "
                    + String.join(", ", registry.types()));
            return FAILED;
        }
        Optional<ExternalOperation> operation = ExternalOperation.parse(args[1]);
        if (operation.isEmpty()) {
            err.println("unknown operation '" + args[1] + "'; expected one of: " + ExternalOperation.words());
            return FAILED;
        }
        try {
            return run(provider.get(), operation.get(), args.length > 2 ? args[2] : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(args[1] + ": interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            err.println(args[1] + ": agent type " + args[0] + " broke: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return FAILED;
        }
    }

    private int run(FenceAgentProvider provider, ExternalOperation operation, String host)
            throws InterruptedException {
        AgentInfo info = provider.info();
        switch (operation) {
            case GETCONFIGNAMES -> out.print(ExternalMetadata.configNames(declared(provider)));
            case GETINFO_DEVID -> out.println(info.id());
            case GETINFO_DEVNAME -> out.println(info.name());
            case GETINFO_DEVDESCR -> out.println(info.description());
            case GETINFO_DEVURL -> out.println(info.url());
            case GETINFO_XML -> out.print(ExternalMetadata.parametersXml(declared(provider)));
            default -> {
                return runOnDevice(provider, operation, host);
            }
        }
        return OK;
    }

    private int runOnDevice(FenceAgentProvider provider, ExternalOperation operation, String host)
            throws InterruptedException {
        if (operation.takesHost() && (host == null || host.isBlank())) {
            err.println(operation.word() + ": missing host argument; usage: " + operation.word() + " HOST");
            return FAILED;
        }
        Optional<String> unusable = operation.takesHost() ? NodeName.problem(host) : Optional.empty();
        if (unusable.isPresent()) {
            err.println(operation.word() + ": HOST: " + unusable.get());
            return FAILED;
        }
        Optional<FenceAction> action = operation.action();
        if (action.isPresent() && !provider.actions().contains(action.get())) {
            err.println(operation.word() + ": not supported by agent type " + provider.type());
            return FAILED;
        }
        boolean fences = action.filter(a -> a.fences() || a == FenceAction.ON).isPresent();
        Optional<Duration> limit;
        Deadline deadline;
        FenceAgent agent;
        Parameters values;
        try {
            List<ParameterSpec> declared = declared(provider);
            DeclaredParameters parameters = DeclaredParameters.declare(declared, EnvironmentParameters.read(declared,
                    environment), DeclaredParameters.Unknown.IGNORE, environment);
            values = parameters.withoutSecrets();
            String timeout = Timeouts.PARAMETER.name();
            limit = values.get(timeout).map(t -> values.seconds(timeout));
            deadline = Timeouts.deadline(limit, environment, spent, fences);
            // the caller's timeout bounds everything from here on, a slow passwd_script too
            agent = provider.create(parameters.withSecrets(deadline));
        } catch (ParameterException e) {
            e.problems().forEach(problem -> err.println(provider.type() + ": " + problem));
            return FAILED;
        }
        try (agent) {
            if (action.isEmpty()) {
                return printHosts(agent.targets());
            }
            String target = operation.takesHost() ? host : null;
            FenceResult result = LockedCall.execute(provider, agent, action.get(), target, target, deadline,
                    AdapterProcess.caller(environment, "external/fence4j-" + provider.type(), device(values)));
            (result.succeeded() ? out : err).println(result.message());
            if (result.outcome() == Outcome.TIMEOUT) {
                Timeouts.assumed(limit, environment, fences).ifPresent(err::println);
            }
            return result.succeeded() ? OK : FAILED;
        }
    }

    /** The device's parameters without secrets and without the caller's time limit, which is the call's. */
    private static Map<String, String> device(Parameters values) {
        Map<String, String> device = new HashMap<>(values.masked());
        device.remove(Timeouts.PARAMETER.name());
        return device;
    }

    /** The agent's parameters and the caller's time limit, which fence_legacy passes like them. */
    private static List<ParameterSpec> declared(FenceAgentProvider provider) {
        return Stream.concat(provider.parameters().stream(), Stream.of(Timeouts.PARAMETER)).toList();
    }

    /** An empty host list is an error to cluster-glue ("returned an empty hostlist"). */
    private int printHosts(List<String> hosts) {
        if (hosts.isEmpty()) {
            err.println("gethosts: this device fences no host");
            return FAILED;
        }
        hosts.forEach(out::println);
        return OK;
    }
}
