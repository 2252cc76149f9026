package org.fence4j.agents.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.spi.FenceAction;

/**
 * Puts this node's records with the cluster's events they are part of. Pacemaker records when a fencing
 * action ended, not when it began nor which device it ran, so a record of this node belongs to the first
 * event of its target, in the order they ended, that ended at most {@link #SLACK} before the record did
 * and at most {@link #WINDOW} after it. Records of no event (fence-cli by hand, or older than what the
 * fencer remembers since its start) stand alone.
 */
final class ClusterMerge {
    /**
     * Pacemaker's time is cut to the second, and the fencer notes the end after the agent has exited and
     * written its record.
     */
    static final Duration SLACK = Duration.ofSeconds(2);
    /**
     * Longer than any fencing action Pacemaker waits for (stonith-timeout, a minute by default; an operator's
     * confirmation, minutes), short enough that a request of hours before is not taken for part of it.
     */
    static final Duration WINDOW = Duration.ofHours(1);

    private ClusterMerge() {
    }

    /**
     * Every event, by the time it ended, pending ones last.
     *
     * @param cluster the cluster's events, in any order
     * @param local   this node's records, oldest first
     * @param now     the end of a pending event's window
     */
    static List<FencingEvent> merge(List<ClusterEvent> cluster, List<HistoryEntry> local, Instant now) {
        List<ClusterEvent> byEnd = cluster.stream()
                .sorted(Comparator.comparing(ClusterEvent::completed, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<List<HistoryEntry>> parts = new ArrayList<>();
        byEnd.forEach(event -> parts.add(new ArrayList<>()));
        List<FencingEvent> events = new ArrayList<>();
        for (HistoryEntry entry : local) {
            int owner = owner(entry, byEnd, now);
            if (owner < 0) {
                events.add(new FencingEvent(null, List.of(entry)));
            } else {
                parts.get(owner).add(entry);
            }
        }
        for (int i = 0; i < byEnd.size(); i++) {
            events.add(new FencingEvent(byEnd.get(i), List.copyOf(parts.get(i))));
        }
        events.sort(Comparator.comparing(FencingEvent::ended, Comparator.nullsLast(Comparator.naturalOrder())));
        return events;
    }

    /** The index in {@code byEnd} of the event {@code entry} is part of, or -1. */
    private static int owner(HistoryEntry entry, List<ClusterEvent> byEnd, Instant now) {
        Optional<Instant> end = TimeText.parse(entry.end());
        if (end.isEmpty() || !powers(entry)) {
            return -1; // a monitor's failure is no part of a fencing action
        }
        for (int i = 0; i < byEnd.size(); i++) {
            ClusterEvent event = byEnd.get(i);
            Instant until = event.completed() == null ? now : event.completed();
            if (entry.target().equalsIgnoreCase(event.target()) && !end.get().isAfter(until.plus(SLACK))
                    && !end.get().isBefore(until.minus(WINDOW))) {
                return i;
            }
        }
        return -1;
    }

    /** A record of a power action: of a fence or an unfence, not of a status or monitor call. */
    static boolean powers(HistoryEntry entry) {
        return FenceAction.parse(entry.action()).filter(a -> a.fences() || a == FenceAction.ON).isPresent();
    }
}
