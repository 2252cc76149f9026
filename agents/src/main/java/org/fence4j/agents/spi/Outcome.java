package org.fence4j.agents.spi;

/** The only three results a fencing level can have. */
public enum Outcome {
    /** The action is confirmed done (for OFF/RESET: the target is confirmed fenced). */
    SUCCESS,
    /** Not done, with a reason a person can act on. */
    FAILURE,
    /** The level ran out of time; counts as a failure. */
    TIMEOUT
}
