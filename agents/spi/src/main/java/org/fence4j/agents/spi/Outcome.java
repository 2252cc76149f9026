package org.fence4j.agents.spi;

/** The results a fencing level can have: an agent answers SUCCESS, FAILURE or TIMEOUT. */
public enum Outcome {
    /** The action is confirmed done (for OFF/RESET: the target is confirmed fenced). */
    SUCCESS,
    /** Not done, with a reason a person can act on. */
    FAILURE,
    /** The level ran out of time; counts as a failure. */
    TIMEOUT,
    /**
     * Set by the chain only, never by an agent: the level's agent cannot do the action (a helper or
     * meatware level when powering on), so it was passed over, neither tried nor failed.
     */
    SKIPPED
}
