package org.fence4j.agents.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;

/**
 * The result of one request on one target: every level tried, in order.
 *
 * @param succeededBy the level that ended the chain with success, if any
 * @param power       the target's power state if a level read it
 * @param summary     one line for the operator
 */
public record ChainResult(String target, FenceAction action, Outcome outcome, List<LevelReport> levels,
        Optional<LevelReport> succeededBy, PowerState power, Instant start, Instant end, String summary) {

    public ChainResult {
        levels = List.copyOf(levels);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** The summary; when it is not a success, what each level that did not succeed said. */
    public String summaryWithReasons() {
        if (succeeded()) {
            return summary;
        }
        return summary + " " + levels.stream().filter(l -> l.outcome() != Outcome.SUCCESS).map(LevelReport::why)
                .collect(Collectors.joining("; "));
    }
}
