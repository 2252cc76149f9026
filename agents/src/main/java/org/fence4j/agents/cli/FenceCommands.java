package org.fence4j.agents.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** reset, off and on: run the target's chain, one request per target at a time, and record it. */
final class FenceCommands {
    private FenceCommands() {
    }

    abstract static class FenceCommand implements Callable<Integer> {
        @ParentCommand
        FenceCli root;

        @Parameters(index = "0", paramLabel = "TARGET", description = "The node to act on, as named under 'targets'.")
        String target;

        @Option(names = "--no-wait", description = "Refuse at once if another request for the target is running"
                + " (default: wait for it, within the timeout).")
        boolean noWait;

        abstract FenceAction action();

        @Override
        public Integer call() throws ConfigException, IOException, InterruptedException {
            Session session = new Session(root);
            FenceConfig.Target chain = session.target(target);
            Terminal terminal = session.terminal();
            String requester = session.requester();
            ProgressPrinter progress = new ProgressPrinter(terminal, session.options().json);
            try (Interrupts.Registration ctrlC = Interrupts.onInterrupt(Thread.currentThread())) {
                ChainResult result = new Fencer(session.config(), progress)
                        .fence(chain, action(), requester, Deadline.after(session.timeout(chain)), !noWait);
                progress.finished(result, requester);
                return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
            } catch (TargetLocks.BusyException busy) {
                terminal.err().println("fence-cli: " + busy.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "reset", description = "Fence TARGET by reboot: the first level that confirms it ends the chain.")
    static final class Reset extends FenceCommand {
        @Override
        FenceAction action() {
            return FenceAction.RESET;
        }
    }

    @Command(name = "off", description = "Fence TARGET by powering it off; success only once confirmed off.")
    static final class Off extends FenceCommand {
        @Override
        FenceAction action() {
            return FenceAction.OFF;
        }
    }

    @Command(name = "on", description = "Power TARGET on (unfencing).")
    static final class On extends FenceCommand {
        @Override
        FenceAction action() {
            return FenceAction.ON;
        }
    }
}
