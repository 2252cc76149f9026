package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Past requests, oldest first, as stonith_admin --history. */
@Command(name = "history", description = "Show past requests, oldest first (all targets unless TARGET is given).")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    FenceCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "Only this node.")
    String target;

    @Option(names = {"-n", "--last"}, paramLabel = "N", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        List<HistoryEntry> entries = session.history().read(Optional.ofNullable(target), Math.max(1, last));
        PrintWriter out = session.terminal().out();
        if (session.options().json) {
            out.println(History.json(entries));
            return ExitCodes.SUCCESS;
        }
        if (entries.isEmpty()) {
            out.println("No requests recorded" + (target == null ? "" : " for " + target) + ".");
        }
        for (HistoryEntry e : entries) {
            out.println(e.start() + "  " + e.target() + "  " + ShowCommand.describe(e));
            for (HistoryEntry.Step s : e.levels()) {
                out.printf("    level %d %s (%s): %s after %d ms: %s%n", s.level(), s.device(), s.agent(), s.outcome(),
                        s.durationMs(), s.reason());
            }
        }
        return ExitCodes.SUCCESS;
    }
}
