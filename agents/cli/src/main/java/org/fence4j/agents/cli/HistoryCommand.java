package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;
import picocli.CommandLine;

/** Past requests, oldest first, as stonith_admin --history; with --cluster merged with the cluster's. */
final class HistoryCommand extends CliCommand {
    /** This node's records read to merge with the cluster's: more than the fencer keeps (500 events). */
    static final int LOCAL_TO_MERGE = 2000;

    private final FenceCli root;
    private final Arg<String> target = parameter("TARGET", "0..1", "Only this node.");
    private final Arg<Integer> last = option("-n, --last", "N", int.class, "20", "How many (default ${DEFAULT-VALUE}).");
    private final Arg<Boolean> cluster = flag("--cluster", "Merge the cluster's fencing history (stonith_admin"
            + " --history, within " + StonithAdmin.LIMIT.toSeconds() + " s) with this node's records: who fenced whom"
            + " from which node, and the device and levels where this node ran them. Without a cluster, says so in"
            + " one line and shows this node's history.");

    HistoryCommand(FenceCli root) {
        super("Show past requests, oldest first (all targets unless TARGET is given).");
        this.root = root;
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        if (last.value() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--last: expected a whole number of at least 1,"
                    + " got " + last.value());
        }
        Session session = new Session(root);
        Optional<String> target = Optional.ofNullable(this.target.value());
        PrintWriter out = session.terminal().out();
        HistoryText text = new HistoryText(session.times());
        if (cluster.value()) {
            ClusterHistory clusterHistory = session.clusterHistory(target);
            if (clusterHistory.available() || session.options().json()) {
                printMerged(session, clusterHistory, target, text);
                return ExitCodes.SUCCESS;
            }
            out.println("No cluster view (" + clusterHistory.unavailable() + "); this node's history only:");
        }
        List<HistoryEntry> entries = session.history().read(target, last.value());
        if (session.options().json()) {
            List<Object> documents = new ArrayList<>();
            for (HistoryEntry e : entries) {
                documents.add(EntryJson.of(e, text.times()));
            }
            out.println(History.json(documents));
            return ExitCodes.SUCCESS;
        }
        if (entries.isEmpty()) {
            out.println("No requests recorded" + target.map(t -> " for " + t).orElse("") + ".");
        }
        for (HistoryEntry e : entries) {
            out.println(text.times().human(e.start()) + "  " + e.target() + "  " + text.entry(e));
            e.levels().forEach(s -> out.println("    " + HistoryText.step(s)));
        }
        return ExitCodes.SUCCESS;
    }

    /** The newest events of the merged history; without the cluster's (in --json), this node's records alone. */
    private void printMerged(Session session, ClusterHistory clusterHistory, Optional<String> target, HistoryText text)
            throws ConfigException, IOException {
        List<HistoryEntry> local = session.history().read(target,
                clusterHistory.available() ? LOCAL_TO_MERGE : last.value());
        List<FencingEvent> events = ClusterMerge.merge(clusterHistory.events(), local, Instant.now());
        events = events.subList(Math.max(0, events.size() - last.value()), events.size());
        ClusterView view = new ClusterView(text);
        PrintWriter out = session.terminal().out();
        if (session.options().json()) {
            out.println(History.json(view.json(clusterHistory, events)));
        } else {
            view.print(out, events);
        }
    }
}
