package org.fence4j.agents.cli;

import java.util.List;

/**
 * What the cluster's fencer told of its fencing history: its events (newest first, as Pacemaker lists
 * them), or why there are none to show (no cluster here, the fencer unreachable, ...).
 *
 * @param unavailable why the cluster's history is not known, or null when it is
 */
record ClusterHistory(List<ClusterEvent> events, String unavailable) {

    static ClusterHistory of(List<ClusterEvent> events) {
        return new ClusterHistory(List.copyOf(events), null);
    }

    static ClusterHistory unavailable(String why) {
        return new ClusterHistory(List.of(), why);
    }

    boolean available() {
        return unavailable == null;
    }
}
