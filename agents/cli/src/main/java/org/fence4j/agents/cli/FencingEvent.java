package org.fence4j.agents.cli;

import java.time.Instant;
import java.util.List;
import org.fence4j.agents.chain.HistoryEntry;

/**
 * One fencing action as the merged history shows it: the cluster's record of it, this node's records of it
 * (a chain's, or one per level device Pacemaker ran here), or both.
 *
 * @param cluster the cluster's event, or null when only this node recorded it
 * @param local   this node's records of it, oldest first; empty when it ran elsewhere
 */
record FencingEvent(ClusterEvent cluster, List<HistoryEntry> local) {

    String target() {
        return cluster != null ? cluster.target() : local.get(0).target();
    }

    /** When it ended: as the cluster recorded it, else this node; null while pending. */
    Instant ended() {
        if (cluster != null) {
            return cluster.completed();
        }
        return TimeText.parse(local.get(local.size() - 1).end()).orElse(null);
    }

    /** The device of this node's record that succeeded, else of its last: what the cluster does not keep. */
    String device() {
        return local.stream().filter(e -> "SUCCESS".equals(e.outcome())).map(HistoryEntry::device)
                .reduce((first, later) -> later)
                .orElse(local.isEmpty() ? null : local.get(local.size() - 1).device());
    }
}
