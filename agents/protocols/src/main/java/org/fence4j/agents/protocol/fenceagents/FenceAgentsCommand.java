package org.fence4j.agents.protocol.fenceagents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fence4j.agents.chain.AgentCall;
import org.fence4j.agents.chain.LockedCall;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.logging.Logging;
import org.fence4j.agents.protocol.AdapterProcess;
import org.fence4j.agents.protocol.Timeouts;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.NodeName;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerState;

/**
 * Any fence4j agent as a fence-agents style {@code fence_*} command. The launcher passes the agent
 * type first: {@code FenceAgentsCommand TYPE [OPTIONS]}; with no options the
 * {@code name=value} lines are read from stdin, as Pacemaker's fencer sends them. Output and exit
 * codes follow fencing.py: 0 success, 1 failure, and for status 0 on, 2 off.
 */
public final class FenceAgentsCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int STATUS_OFF = 2;
    /** The name the launcher runs this agent as, e.g. fence_fence4j_ipmi; default fence_TYPE. */
    public static final String NAME_PROPERTY = "fence4j.agent.name";

    private final AgentRegistry registry;
    private final UnaryOperator<String> environment;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final String name;
    private final Duration spent;

    /** @param name the command's name in metadata and messages; null: fence_TYPE */
    FenceAgentsCommand(AgentRegistry registry, UnaryOperator<String> environment, InputStream stdin,
            PrintStream out, PrintStream err, String name) {
        this(registry, environment, stdin, out, err, name, Duration.ZERO);
    }

    /** @param spent how long the caller's timeout has run already (this process's start-up) */
    FenceAgentsCommand(AgentRegistry registry, UnaryOperator<String> environment, InputStream stdin,
            PrintStream out, PrintStream err, String name, Duration spent) {
        this.registry = registry;
        this.name = name;
        this.environment = environment;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.spent = spent;
    }

    public static void main(String[] args) {
        Logging.configure(false);
        AdapterProcess.exit(execute(args));
    }

    /** Runs one command line on the process's environment, stdin and stdout; returns the exit code. */
    public static int execute(String... args) {
        return new FenceAgentsCommand(AgentRegistry.load(), System::getenv, System.in, System.out, System.err,
                System.getProperty(NAME_PROPERTY), Timeouts.sinceProcessStart()).run(args);
    }

    /** Each line on stderr as fence-agents writes its messages: "ERROR: ..." or "WARNING: ...". */
    private void printEach(String level, List<String> lines) {
        for (String line : lines) {
            err.println(level + ": " + line);
        }
    }

    private String name(FenceAgentProvider provider) {
        return name != null ? name : "fence_" + provider.type();
    }

    /** The command an agent type is installed as: fence_fence4j_TYPE, and fence_fence4j for a whole chain. */
    public static String installedName(String type) {
        return type.equals(ConfigLoader.WHOLE_CHAIN_TYPE) ? "fence_fence4j" : "fence_fence4j_" + type;
    }

    /** The man page (section 8) of every agent type, by file name: fence_fence4j_ipmi.8, ... Written at build time. */
    public static Map<String, String> manPages(AgentRegistry registry) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String type : registry.types()) {
            String command = installedName(type);
            pages.put(command + ".8", FenceAgentsDocs.manPage(command, registry.find(type).orElseThrow()));
        }
        return pages;
    }

    private static String version() {
        String v = FenceAgentsCommand.class.getPackage().getImplementationVersion();
        return "fence4j " + (v == null ? "development build" : v);
    }

    int run(String[] args) {
        if (args.length < 1) {
            err.println("ERROR: usage: FenceAgentsCommand AGENT-TYPE [--option=value ...] (no options: read stdin)");
            return FAILED;
        }
        Optional<FenceAgentProvider> found = registry.find(args[0]);
        if (found.isEmpty()) {
            err.println("ERROR: unknown agent type '" + args[0] + "'; installed agent types: "
                    + String.join(", ", registry.types()));
            return FAILED;
        }
        FenceAgentProvider provider = found.get();
        FenceAgentsInput input;
        try {
            input = args.length > 1
                    ? FenceAgentsInput.fromArgv(Arrays.asList(args).subList(1, args.length), provider)
                    : FenceAgentsInput.fromStdin(readLines(), provider);
        } catch (IOException e) {
            err.println("ERROR: cannot read options from stdin (" + e.getClass().getSimpleName() + ")");
            return FAILED;
        }
        try {
            return run(provider, input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ERROR: Failed: interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("ERROR: Failed: " + name(provider) + " broke: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return FAILED;
        }
    }

    private int run(FenceAgentProvider provider, FenceAgentsInput input) throws InterruptedException {
        if (!input.errors().isEmpty()) {
            printEach("ERROR", input.errors());
            return FAILED;
        }
        Parameters options;
        try {
            options = DeclaredParameters.resolve(StandardOptions.ALL, input.standard(),
                    DeclaredParameters.Unknown.REJECT, environment);
        } catch (ParameterException e) {
            printEach("ERROR", e.problems());
            return FAILED;
        }
        if (!options.bool(StandardOptions.QUIET)) {
            printEach("WARNING", input.warnings());
        }
        if (options.bool(StandardOptions.HELP)) {
            out.print(FenceAgentsDocs.usage(name(provider), provider));
            return OK;
        }
        if (options.bool(StandardOptions.VERSION)) {
            out.println(version());
            return OK;
        }
        // a debug log decides nothing: one that cannot be written safely is skipped, the agent runs
        Optional<String> logging = AgentLogging.configure(options).map(p -> p + "; the log goes to stderr instead");
        logging.ifPresent(problem -> err.println("ERROR: " + problem));
        String word = options.string(StandardOptions.ACTION);
        Optional<Request> parsed = Request.parse(word);
        if (parsed.isEmpty()) {
            err.println("ERROR: Failed: Unrecognised action '" + word + "'");
            return FAILED;
        }
        Request request = parsed.get();
        if (request.kind() == Request.Kind.METADATA) {
            // manpage prints the same document, as fencing.py does for its man page build
            out.print(FenceAgentsMetadata.render(name(provider), provider));
            return OK;
        }
        // the caller's timeout bounds everything from here on, a slow passwd_script too
        Optional<Duration> limit = options.get(StandardOptions.TIMEOUT)
                .map(t -> options.seconds(StandardOptions.TIMEOUT));
        boolean fences = request.kind() == Request.Kind.DEVICE
                && (request.action().fences() || request.action() == FenceAction.ON);
        Deadline deadline = Timeouts.deadline(limit, environment, spent, fences);
        boolean portAsIp = options.bool(PortAsIp.NAME);
        if (portAsIp && !PortAsIp.applies(provider)) {
            err.println("ERROR: " + PortAsIp.NAME + ": not supported: " + name(provider) + " has no " + PortAsIp.ADDRESS
                    + " for plug to stand for");
            return FAILED;
        }
        FenceAgent agent;
        Parameters device;
        try {
            device = DeclaredParameters.resolve(provider.parameters(),
                    portAsIp ? PortAsIp.withAddress(input.standard(), input.agent()) : input.agent(),
                    DeclaredParameters.Unknown.IGNORE, environment, deadline);
            agent = provider.create(device);
        } catch (ParameterException e) {
            printEach("ERROR", e.problems());
            if (request.kind() == Request.Kind.VALIDATE) {
                err.println("ERROR: validate-all failed");
            }
            return FAILED;
        }
        try (agent) {
            return switch (request.kind()) {
                case VALIDATE -> validate(agent, deadline, logging.isEmpty());
                case LIST, LIST_STATUS -> list(provider, agent, request.kind() == Request.Kind.LIST_STATUS, deadline);
                case DEVICE -> act(provider, agent, request.action(), options, deadline,
                        Timeouts.assumed(limit, environment, fences),
                        AdapterProcess.caller(environment, name(provider), device.masked()));
                case METADATA -> throw new IllegalStateException("metadata is printed before the agent is made");
            };
        }
    }

    /** list and list-status: the nodes the agent names, with their power for list-status. */
    private int list(FenceAgentProvider provider, FenceAgent agent, boolean withStatus, Deadline deadline)
            throws InterruptedException {
        if (!provider.lists() || withStatus && !provider.actions().contains(FenceAction.STATUS)) {
            err.println("ERROR: Failed: action '" + (withStatus ? Request.LIST_STATUS : Request.LIST)
                    + "' is not supported by " + name(provider));
            return FAILED;
        }
        for (String t : agent.targets()) {
            out.println(t + "," + t + (withStatus ? "," + power(agent, t, deadline) : ""));
        }
        return OK;
    }

    /** validate-all: the agent's problems, and a debug_file that cannot be written (already said). */
    private int validate(FenceAgent agent, Deadline deadline, boolean loggingFine) throws InterruptedException {
        List<String> problems = agent.problems(deadline);
        printEach("ERROR", problems);
        if (!problems.isEmpty() || !loggingFine) {
            err.println("ERROR: validate-all failed");
            return FAILED;
        }
        return OK;
    }

    /** @param assumed why the limit is what it is, when the caller gave none (said if it runs out) */
    private int act(FenceAgentProvider provider, FenceAgent agent, FenceAction action, Parameters options,
            Deadline deadline, Optional<String> assumed, LockedCall.Caller caller) throws InterruptedException {
        if (!provider.actions().contains(action)) {
            err.println("ERROR: Failed: action '" + Request.word(action) + "' is not supported by " + name(provider));
            return FAILED;
        }
        // with port_as_ip plug is the device's address, and the node is nodename (else the address names it)
        Optional<String> plug = options.get(StandardOptions.PLUG);
        Optional<String> nodename = options.get(StandardOptions.NODENAME).filter(n -> !n.isBlank());
        String target = (options.bool(PortAsIp.NAME) ? nodename.or(() -> plug) : plug.or(() -> nodename))
                .filter(t -> !t.isBlank()).orElse(null);
        // status and monitor ask the device, as fence_ipmilan's do without a plug; only power changes need one
        if ((action.fences() || action == FenceAction.ON) && target == null) {
            err.println("ERROR: Failed: You have to enter plug number or machine identification");
            return FAILED;
        }
        if (action.fences() && !delay(options.seconds(StandardOptions.DELAY), deadline)) {
            err.println("ERROR: Failed: the delay of " + options.string(StandardOptions.DELAY)
                    + " s leaves no time to fence within the timeout");
            return FAILED;
        }
        String node = nodename.orElse(target);
        Optional<String> unusable = action.fences() || action == FenceAction.ON ? NodeName.problem(node)
                : Optional.empty();
        if (unusable.isPresent()) {
            err.println("ERROR: " + (nodename.isPresent() ? StandardOptions.NODENAME : StandardOptions.PLUG) + ": "
                    + unusable.get());
            return FAILED;
        }
        FenceResult result = LockedCall.execute(provider, agent, action, action == FenceAction.MONITOR ? null : target,
                node, deadline, caller);
        if (result.outcome() == Outcome.TIMEOUT) {
            assumed.ifPresent(why -> err.println("ERROR: " + why));
        }
        return report(action, result);
    }

    /** ON, OFF or UNKNOWN, as fencing.py's list-status prints a plug it cannot read. */
    private static String power(FenceAgent agent, String target, Deadline deadline) throws InterruptedException {
        FenceResult result = AgentCall.execute(agent, FenceAction.STATUS, target, deadline);
        return result.succeeded() ? result.power().name() : PowerState.UNKNOWN.name();
    }

    /** Sleeps before fencing, as fencing.py's --delay; false if the deadline passes first. */
    private static boolean delay(Duration delay, Deadline deadline) throws InterruptedException {
        if (delay.isZero()) {
            return true;
        }
        if (delay.compareTo(deadline.remaining()) >= 0) {
            return false;
        }
        deadline.clock().sleep(delay);
        return !deadline.expired();
    }

    private int report(FenceAction action, FenceResult result) {
        if (!result.succeeded()) {
            err.println("ERROR: Failed: " + (result.outcome() == Outcome.TIMEOUT
                    ? "timed out: " : "") + result.message());
            return FAILED;
        }
        switch (action) {
            case ON -> out.println("Success: Powered ON");
            case OFF -> out.println("Success: Powered OFF");
            case RESET -> out.println("Success: Rebooted");
            case STATUS -> {
                if (result.power() == PowerState.UNKNOWN) {
                    err.println("ERROR: Failed: Unable to obtain correct plug status or plug is not available: "
                            + result.message());
                    return FAILED;
                }
                out.println("Status: " + result.power());
                return result.power() == PowerState.OFF ? STATUS_OFF : OK;
            }
            default -> {
                // monitor: the exit code says it all
            }
        }
        return OK;
    }

    private List<String> readLines() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        return reader.lines().toList();
    }
}
