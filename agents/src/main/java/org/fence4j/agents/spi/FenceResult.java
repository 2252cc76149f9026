package org.fence4j.agents.spi;

import java.util.Objects;

/**
 * What one agent call achieved.
 *
 * @param outcome SUCCESS only when the action is confirmed
 * @param message one line for the operator: what happened, or why not
 * @param power   the target's power state when the agent read it, else UNKNOWN
 */
public record FenceResult(Outcome outcome, String message, PowerState power) {

    public FenceResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(power, "power");
    }

    public static FenceResult success(String message) {
        return new FenceResult(Outcome.SUCCESS, message, PowerState.UNKNOWN);
    }

    public static FenceResult failure(String message) {
        return new FenceResult(Outcome.FAILURE, message, PowerState.UNKNOWN);
    }

    public static FenceResult timeout(String message) {
        return new FenceResult(Outcome.TIMEOUT, message, PowerState.UNKNOWN);
    }

    /** A successful status read. */
    public static FenceResult power(PowerState power, String message) {
        return new FenceResult(Outcome.SUCCESS, message, power);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
