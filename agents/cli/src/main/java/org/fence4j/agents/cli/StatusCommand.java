package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.chain.ChainListener;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.DeviceHealth;
import org.fence4j.agents.chain.FencingChain;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.FenceAction;
import picocli.CommandLine;

/**
 * The power state of a target, asked of every level; without a target, of every target at once;
 * with --monitor, the health of the devices instead.
 */
final class StatusCommand extends CliCommand {
    /** Levels asked at once without TARGET: a BMC session each, so bounded. */
    static final int MAX_PARALLEL = 256;
    /**
     * A real BMC answers each of a session's seven requests in milliseconds: levels that wait for a
     * free place cost the whole survey one more session's time, while on the CPU 128 at once cost
     * no more than 32 (bin/bench/README.md, cluster.sh).
     */
    private static final String DEFAULT_PARALLEL = "128";

    private final FenceCli root;
    private final Arg<String> target = parameter("TARGET", "0..1",
            "The node, as named under 'targets'; without it, every target.");
    private final Arg<Boolean> monitor = flag("--monitor",
            "Check the devices (as Pacemaker's monitor) instead of the power state.");
    private final Arg<Integer> parallel = option("--parallel", "N", int.class, DEFAULT_PARALLEL,
            "Without TARGET: how many levels are asked at once (1-" + MAX_PARALLEL + ", default ${DEFAULT-VALUE}).");

    StatusCommand(FenceCli root) {
        super("Ask every level of TARGET for its power state (exit 0 when a level could read it).",
                "Without TARGET, ask every level of every target at once and print a line per target"
                        + " (exit 0 when every target's power could be read).",
                "With --monitor, check that every device is reachable instead.");
        this.root = root;
    }

    @Override
    Set<String> requestOptions() {
        return Set.of(GlobalOptions.TIMEOUT);
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        int parallel = this.parallel.value();
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel: expected a whole number from 1 to "
                    + MAX_PARALLEL + ", got " + parallel);
        }
        Session session = new Session(root);
        return target.value() == null ? everyTarget(session, parallel) : oneTarget(session, target.value());
    }

    private FenceAction action() {
        return monitor.value() ? FenceAction.MONITOR : FenceAction.STATUS;
    }

    private int oneTarget(Session session, String target) throws ConfigException, IOException {
        FenceConfig.Target chain = session.target(target);
        ProgressPrinter progress = new ProgressPrinter(session);
        ChainResult result = new FencingChain(progress).survey(chain, action(), session.timeout(chain));
        new DeviceHealth(session.config().stateDir()).remember(result);
        progress.finished(result, session.requester());
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    private int everyTarget(Session session, int parallel) throws ConfigException, IOException, InterruptedException {
        List<FenceConfig.Target> targets = session.config().targets().values().stream()
                .sorted(Comparator.comparing(FenceConfig.Target::name)).toList();
        // the longest chain bounds the whole (levels run side by side), unless --timeout says otherwise
        Duration timeout = targets.stream().map(session::timeout).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        List<ChainResult> results = new FencingChain(ChainListener.NONE)
                .surveyAll(targets, action(), timeout, parallel);
        DeviceHealth health = new DeviceHealth(session.config().stateDir());
        results.forEach(health::remember);
        PrintWriter out = session.terminal().out();
        if (session.options().json()) {
            String requester = session.requester();
            TimeText times = session.times();
            List<Map<String, Object>> documents = new ArrayList<>();
            for (ChainResult r : results) {
                documents.add(EntryJson.of(HistoryEntry.of(r, requester), times));
            }
            out.println(History.json(documents));
        } else {
            results.forEach(r -> out.println(r.summaryWithReasons()));
        }
        out.flush();
        return results.stream().allMatch(ChainResult::succeeded) ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
