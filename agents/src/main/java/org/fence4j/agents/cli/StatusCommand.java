package org.fence4j.agents.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.FencingChain;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.FenceAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The power state of a target, asked of every level; or with --monitor, the health of its devices. */
@Command(name = "status", description = {"Ask every level of TARGET for its power state (exit 0 when a level"
        + " could read it).", "With --monitor, check that every device of TARGET is reachable instead."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    FenceCli root;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The node, as named under 'targets'.")
    String target;

    @Option(names = "--monitor", description = "Check the devices (as Pacemaker's monitor) instead of the power state.")
    boolean monitor;

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        FenceConfig.Target chain = session.target(target);
        ProgressPrinter progress = new ProgressPrinter(session.terminal(), session.options().json);
        ChainResult result = new FencingChain(progress)
                .survey(chain, monitor ? FenceAction.MONITOR : FenceAction.STATUS, session.timeout(chain));
        progress.finished(result, session.requester());
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
