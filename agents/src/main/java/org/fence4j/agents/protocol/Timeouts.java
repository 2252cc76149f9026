package org.fence4j.agents.protocol;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** How long an adapter lets an agent work when the caller names no time limit. */
public final class Timeouts {
    /** For a person or script calling an adapter directly. */
    static final Duration STANDALONE = Duration.ofSeconds(60);
    /**
     * Under Pacemaker's fencer, which kills the agent at its own per-device timeout (as fencing.py's
     * disable_timeout does, leave the limit to it), bounded all the same.
     */
    static final Duration UNDER_FENCER = Duration.ofHours(1);

    private Timeouts() {
    }

    public static Duration defaultTimeout(UnaryOperator<String> environment) {
        return "pacemaker-fenced".equals(environment.apply("PCMK_service")) ? UNDER_FENCER : STANDALONE;
    }
}
