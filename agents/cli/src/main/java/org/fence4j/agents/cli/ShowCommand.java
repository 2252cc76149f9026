package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.DurationText;

/** Each target with its levels and the outcome of its last request, in the spirit of crm_mon. */
final class ShowCommand extends CliCommand {
    private final FenceCli root;

    ShowCommand(FenceCli root) {
        super("Show each target with its levels and the outcome of its last request.");
        this.root = root;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        History history = session.history();
        PrintWriter out = session.terminal().out();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (FenceConfig.Target t : session.config().targets().values()) {
            Optional<HistoryEntry> last = history.read(Optional.of(t.name()), 1).stream().findFirst();
            if (session.options().json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("target", t.name());
                doc.put("levels", t.levels().stream().map(l -> OrderedJson.object("level", l.index(), "device",
                        l.device().name(), "agent", l.device().agentType(), "timeout_ms", l.timeout().toMillis())).toList());
                doc.put("last", last.orElse(null));
                documents.add(doc);
                continue;
            }
            out.println("Fencing chain for " + t.name() + ":");
            for (FenceConfig.Level l : t.levels()) {
                out.printf("    %d %-20s (fence4j:%s)  timeout %s%n", l.index(), l.device().name(),
                        l.device().agentType(), DurationText.of(l.timeout()));
            }
            out.println("    last request: " + last.map(ShowCommand::describe).orElse("none recorded"));
        }
        if (session.options().json()) {
            out.println(History.json(documents));
        }
        return ExitCodes.SUCCESS;
    }

    static String describe(HistoryEntry e) {
        return e.action() + " " + e.outcome()
                + (e.level() == null ? "" : " by level " + e.level() + " (" + e.device() + ")")
                + " at " + e.end() + " requested by " + e.requester();
    }
}
