package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.chain.HistoryEntry;

/** The merged history ({@link ClusterMerge}) as text and as --json. */
final class ClusterView {
    private final HistoryText text;

    ClusterView(HistoryText text) {
        this.text = text;
    }

    /**
     * A line per event: when it ended, the target, what the cluster says of it and the device this node ran;
     * under it this node's records with their levels.
     */
    void print(PrintWriter out, List<FencingEvent> events) {
        for (FencingEvent event : events) {
            ClusterEvent c = event.cluster();
            if (c == null) {
                HistoryEntry only = event.local().get(0);
                out.println(text.when(event.ended()) + "  " + only.target() + "  " + text.entry(only) + " (this node only)");
                only.levels().forEach(s -> out.println("    " + HistoryText.step(s)));
                continue;
            }
            String device = event.device();
            out.println(text.when(c.completed()) + "  " + c.target() + "  " + HistoryText.cluster(c)
                    + (device == null ? "" : ", device " + device));
            for (HistoryEntry e : event.local()) {
                out.println("    this node at " + text.times().human(e.start()) + ": " + text.entry(e));
                e.levels().forEach(s -> out.println("      " + HistoryText.step(s)));
            }
        }
    }

    /** {@code {"cluster": {"available": .., "unavailable": ..}, "events": [..]}}. */
    Map<String, Object> json(ClusterHistory cluster, List<FencingEvent> events) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (FencingEvent event : events) {
            documents.add(event(event));
        }
        return OrderedJson.object("cluster", OrderedJson.object("available", cluster.available(), "unavailable",
                cluster.unavailable()), "events", documents);
    }

    private Map<String, Object> event(FencingEvent event) throws IOException {
        List<Map<String, Object>> local = new ArrayList<>();
        for (HistoryEntry e : event.local()) {
            local.add(EntryJson.of(e, text.times()));
        }
        ClusterEvent c = event.cluster();
        Instant ended = event.ended();
        return OrderedJson.object("target", event.target(), "ended", ended == null ? null : text.times().json(ended),
                "device", event.device(),
                "cluster", c == null ? null : c.document(text.times()), "local", local);
    }
}
