package org.fence4j.agents.chain;

import java.util.List;

/**
 * One request as recorded in the history and printed by {@code --json}.
 *
 * @param requester who asked: user and terminal, or the cluster's fencer
 * @param start     ISO-8601 instant, as {@code end}
 * @param level     index of the level that succeeded, or null
 * @param device    device of that level, or null
 */
public record HistoryEntry(String target, String action, String requester, String start, String end,
        String outcome, Integer level, String device, String power, String summary, List<Step> levels) {

    /** One level's part. */
    public record Step(int level, String device, String agent, String outcome, long durationMs, String reason) {
    }

    public static HistoryEntry of(ChainResult r, String requester) {
        return new HistoryEntry(r.target(), r.action().word(), requester, r.start().toString(), r.end().toString(), r.outcome().name(),
                r.succeededBy().map(LevelReport::index).orElse(null),
                r.succeededBy().map(LevelReport::device).orElse(null),
                r.power().name(), r.summary(),
                r.levels().stream().map(l -> new Step(l.index(), l.device(), l.agent(), l.outcome().name(),
                        l.duration().toMillis(), l.reason())).toList());
    }
}
