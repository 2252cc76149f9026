package org.fence4j.agents.chain;

import java.time.Instant;
import java.util.List;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;

/**
 * One request as recorded in the history and printed by {@code --json}.
 *
 * @param requester who asked: user and terminal, or the cluster's fencer
 * @param start     ISO-8601 instant, as {@code end}
 * @param level     index of the level that succeeded, or null (also for a device called alone)
 * @param device    device of that level, or the device called alone (fence_fence4j_ipmi), or null
 * @param power     the power last read, which after a reset that powered the node on again is ON
 * @param proof     what the success rests on (POWER_READ_OFF, TARGET_DEAD, OPERATOR_CONFIRMED), NONE otherwise
 */
public record HistoryEntry(String target, String action, String requester, String start, String end,
        String outcome, Integer level, String device, String power, String proof, String summary,
        List<Step> levels) {

    /**
     * One level's part; {@code power} is what that level read (UNKNOWN: nothing, as the helper and
     * meatware, which cannot read the power; null in entries written before it was kept).
     */
    public record Step(int level, String device, String agent, String outcome, String power, long durationMs,
            String reason) {
    }

    public static HistoryEntry of(ChainResult r, String requester) {
        return new HistoryEntry(r.target(), r.action().word(), requester, r.start().toString(), r.end().toString(),
                r.outcome().name(),
                r.succeededBy().map(LevelReport::index).orElse(null),
                r.succeededBy().map(LevelReport::device).orElse(null),
                r.power().name(), r.succeededBy().map(l -> l.proof().name()).orElse("NONE"), r.summary(),
                r.levels().stream().map(l -> new Step(l.index(), l.device(), l.agent(), l.outcome().name(),
                        l.power().name(), l.duration().toMillis(), l.reason())).toList());
    }

    /** One call of a device alone, through a protocol adapter (Pacemaker's per-level devices). */
    public static HistoryEntry of(FenceResult r, FenceAction action, String target, String requester,
            String device, Instant start, Instant end) {
        return new HistoryEntry(target, action.word(), requester, start.toString(), end.toString(), r.outcome().name(),
                null, device, r.power().name(), r.proof().name(), r.message(), List.of());
    }
}
