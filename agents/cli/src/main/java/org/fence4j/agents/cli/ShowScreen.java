package org.fence4j.agents.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.fence4j.agents.chain.DeviceHealth;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.Outcome;

/**
 * What {@code fence-cli show} prints, in the spirit of {@code crm_mon -fA}: each target with its levels, its
 * last fence and its outcome, and what failed and why, a line each; with the cluster's history, the cluster's
 * last fencing action of each target too.
 */
final class ShowScreen {
    private final FenceConfig config;
    private final List<HistoryEntry> history;
    private final ClusterHistory cluster;
    private final HistoryText text;
    private final DeviceHealth health;

    /**
     * @param history this node's newest records, oldest first
     * @param cluster the cluster's history, or null when not asked for
     */
    ShowScreen(FenceConfig config, List<HistoryEntry> history, ClusterHistory cluster, HistoryText text) {
        this.config = config;
        this.history = history;
        this.cluster = cluster;
        this.text = text;
        this.health = new DeviceHealth(config.stateDir());
    }

    /** The screen, its first line naming the time it shows. */
    String text(Instant now) {
        StringBuilder screen = new StringBuilder();
        screen.append("Fencing chains of ").append(config.source()).append(" at ").append(text.times().human(now))
                .append('\n');
        clusterUnavailable().ifPresent(why -> screen.append("No cluster view (").append(why).append(")\n"));
        for (FenceConfig.Target t : config.targets().values()) {
            Optional<HistoryEntry> last = lastFence(t.name());
            screen.append("  * ").append(t.name()).append(last.map(e -> ", last fence " + text.times().human(e.end())
                    + ": " + text.entry(e)).orElse(", no fence recorded")).append('\n');
            clusterLine(t.name()).ifPresent(line -> screen.append("    ").append(line).append('\n'));
            String columns = "      %d %-" + width(t, l -> l.device().name()) + "s  %-" + width(t, ShowScreen::agent)
                    + "s  timeout %-7s %s";
            for (FenceConfig.Level l : t.levels()) {
                String level = String.format(Locale.ROOT, columns, l.index(), l.device().name(), agent(l),
                        DurationText.of(l.timeout()), last.flatMap(e -> outcome(e, l)).orElse(""));
                screen.append(level.stripTrailing()).append('\n');
                health(l).ifPresent(line -> screen.append("          ").append(line).append('\n'));
            }
        }
        for (String other : clusterOnlyTargets()) {
            screen.append("  * ").append(other).append(" (not in this configuration):\n    ")
                    .append(clusterLine(other).orElseThrow()).append('\n');
        }
        return screen.toString();
    }

    /** {@code last monitor 2026-12-07 04:10:00: SUCCESS}, and why when it did not succeed. */
    private Optional<String> health(FenceConfig.Level level) {
        return health.last(DeviceHealth.configured(level.device().name())).map(h -> "last " + h.action().word() + " "
                + text.times().human(h.at()) + ": " + h.outcome() + (h.outcome() == Outcome.SUCCESS ? ""
                : ": " + HistoryText.oneLine(h.message())));
    }

    /** The device's last status or monitor as a document, or null. */
    private Map<String, Object> lastCheck(FenceConfig.Level level) {
        return health.last(DeviceHealth.configured(level.device().name())).map(h -> OrderedJson.object("action",
                h.action().word(), "outcome", h.outcome().name(), "at", text.times().json(h.at()), "message",
                h.message())).orElse(null);
    }

    private static String agent(FenceConfig.Level level) {
        return "(" + level.device().agentType() + ")";
    }

    /** The widest of {@code column} among the target's levels, to line them up. */
    private static int width(FenceConfig.Target t, Function<FenceConfig.Level, String> column) {
        return t.levels().stream().mapToInt(l -> column.apply(l).length()).max().orElse(1);
    }

    /** A document per target: its levels, its last fence, and with the cluster's history its last event there. */
    List<Map<String, Object>> json() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (FenceConfig.Target t : config.targets().values()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("target", t.name());
            doc.put("levels", t.levels().stream().map(l -> OrderedJson.object("level", l.index(), "device",
                    l.device().name(), "agent", l.device().agentType(), "timeout_ms", l.timeout().toMillis(),
                    "last_check", lastCheck(l))).toList());
            Optional<HistoryEntry> last = lastFence(t.name());
            doc.put("last", last.isEmpty() ? null : EntryJson.of(last.get(), text.times()));
            if (cluster != null) {
                doc.put("cluster", lastClusterEvent(t.name()).map(c -> c.document(text.times())).orElse(null));
            }
            documents.add(doc);
        }
        return documents;
    }

    /** Why the cluster's history is not shown, when it was asked for and is unknown. */
    Optional<String> clusterUnavailable() {
        return cluster == null || cluster.available() ? Optional.empty() : Optional.of(cluster.unavailable());
    }

    /** The newest record of a power action (not a monitor's) of {@code target}. */
    private Optional<HistoryEntry> lastFence(String target) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry e = history.get(i);
            if (e.target().equals(target) && ClusterMerge.powers(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** What {@code level} did in {@code e}: its outcome, and why when it did not succeed. */
    private static Optional<String> outcome(HistoryEntry e, FenceConfig.Level level) {
        return e.levels().stream().filter(s -> s.level() == level.index() && s.device().equals(level.device().name()))
                .findFirst().map(s -> {
                    String after = s.outcome() + " after " + DurationText.of(Duration.ofMillis(s.durationMs()));
                    return "SUCCESS".equals(s.outcome()) ? after : after + ": " + HistoryText.oneLine(s.reason());
                });
    }

    private Optional<ClusterEvent> lastClusterEvent(String target) {
        if (cluster == null) {
            return Optional.empty();
        }
        return cluster.events().stream().filter(c -> target.equalsIgnoreCase(c.target()))
                .max(Comparator.comparing(ClusterEvent::completed, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    /** {@code cluster: reboot succeeded at 2026-12-07 04:10:01: fenced by node2 for ... on node1}. */
    private Optional<String> clusterLine(String target) {
        return lastClusterEvent(target).map(c -> "cluster, " + text.when(c.completed()).strip() + ": "
                + HistoryText.cluster(c));
    }

    private TreeSet<String> clusterOnlyTargets() {
        TreeSet<String> others = new TreeSet<>();
        if (cluster != null) {
            cluster.events().stream().map(ClusterEvent::target)
                    .filter(t -> t != null && config.targets().keySet().stream().noneMatch(t::equalsIgnoreCase))
                    .forEach(others::add);
        }
        return others;
    }
}
