package org.fence4j.agents.cli;

import java.io.IOException;
import java.util.Set;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.ConciseLog;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;

/** reset, off and on: run the target's chain, one request per target at a time, and record it. */
final class FenceCommand extends CliCommand {
    private final FenceCli root;
    private final FenceAction action;
    private final Arg<String> target = parameter("TARGET", "1", "The node to act on, as named under 'targets'.");

    private FenceCommand(FenceCli root, FenceAction action, String description) {
        super(description);
        this.root = root;
        this.action = action;
    }

    static FenceCommand reset(FenceCli root) {
        return new FenceCommand(root, FenceAction.RESET,
                "Fence TARGET by reboot: the first level that confirms it ends the chain.");
    }

    static FenceCommand off(FenceCli root) {
        return new FenceCommand(root, FenceAction.OFF,
                "Fence TARGET by powering it off; success only once confirmed off.");
    }

    static FenceCommand on(FenceCli root) {
        return new FenceCommand(root, FenceAction.ON, "Power TARGET on (unfencing).");
    }

    @Override
    Set<String> requestOptions() {
        return GlobalOptions.REQUEST_OPTIONS;
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        Session session = new Session(root);
        FenceConfig.Target chain = session.target(target.value());
        Terminal terminal = session.terminal();
        String requester = session.requester();
        ProgressPrinter progress = new ProgressPrinter(session);
        try (Interrupts.Registration ctrlC = Interrupts.onInterrupt(Thread.currentThread())) {
            ChainResult result = new Fencer(session.config(), progress, TargetLocks.shared(),
                    ConciseLog.fromEnvironment(terminal.environment()))
                    .fence(chain, action, requester, Deadline.after(session.timeout(chain)),
                            !session.options().noWait());
            progress.finished(result, requester);
            return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
        } catch (TargetLocks.BusyException busy) {
            terminal.err().println("fence-cli: " + busy.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
