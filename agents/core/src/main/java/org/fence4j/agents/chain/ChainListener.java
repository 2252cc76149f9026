package org.fence4j.agents.chain;

import org.fence4j.agents.config.FenceConfig.Level;
import org.fence4j.agents.spi.FenceAction;

/** Progress of a chain as it runs, for live output. Callbacks come from the calling thread. */
public interface ChainListener {
    ChainListener NONE = new ChainListener() {
    };

    default void started(String target, FenceAction action) {
    }

    default void levelStarted(Level level) {
    }

    default void levelFinished(LevelReport report) {
    }

    /**
     * Whether this listener shows the outcome to the operator itself (fence-cli's closing line): then
     * a failure is not also logged as an ERROR line on the same terminal, only at INFO.
     */
    default boolean showsOutcome() {
        return false;
    }
}
