package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;

/** Past requests, oldest first, as stonith_admin --history. */
final class HistoryCommand extends CliCommand {
    private final FenceCli root;
    private final Arg<String> target = parameter("TARGET", "0..1", "Only this node.");
    private final Arg<Integer> last = option("-n, --last", "N", int.class, "20", "How many (default ${DEFAULT-VALUE}).");

    HistoryCommand(FenceCli root) {
        super("Show past requests, oldest first (all targets unless TARGET is given).");
        this.root = root;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        String target = this.target.value();
        List<HistoryEntry> entries = session.history().read(Optional.ofNullable(target), Math.max(1, last.value()));
        PrintWriter out = session.terminal().out();
        if (session.options().json()) {
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
