package org.fence4j.agents.spi;

import java.util.Objects;

/**
 * What one agent call achieved.
 *
 * @param outcome SUCCESS only when the action is confirmed
 * @param message one line for the operator: what happened, or why not
 * @param power   the target's power state when the agent read it, else UNKNOWN
 * @param proof   what a SUCCESS rests on; NONE for every other outcome
 */
public record FenceResult(Outcome outcome, String message, PowerState power, Proof proof) {

    public FenceResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(proof, "proof");
        if (proof != Proof.NONE && outcome != Outcome.SUCCESS) {
            throw new IllegalArgumentException("only a SUCCESS carries a proof, not " + outcome);
        }
        if (proof == Proof.POWER_READ_OFF && power != PowerState.OFF || proof == Proof.POWER_READ_ON && power != PowerState.ON) {
            throw new IllegalArgumentException(proof + " contradicts the power read, " + power);
        }
    }

    /** A success that proves nothing about the target (list, monitor, validate). */
    public static FenceResult success(String message) {
        return new FenceResult(Outcome.SUCCESS, message, PowerState.UNKNOWN, Proof.NONE);
    }

    public static FenceResult failure(String message) {
        return failure(message, PowerState.UNKNOWN);
    }

    /** A failure that says what the power last read. */
    public static FenceResult failure(String message, PowerState power) {
        return new FenceResult(Outcome.FAILURE, message, power, Proof.NONE);
    }

    public static FenceResult timeout(String message) {
        return new FenceResult(Outcome.TIMEOUT, message, PowerState.UNKNOWN, Proof.NONE);
    }

    /** A successful power read: ON or OFF is its own proof; UNKNOWN proves nothing. */
    public static FenceResult power(PowerState power, String message) {
        Proof proof = switch (power) {
            case ON -> Proof.POWER_READ_ON;
            case OFF -> Proof.POWER_READ_OFF;
            case UNKNOWN -> Proof.NONE;
        };
        return new FenceResult(Outcome.SUCCESS, message, power, proof);
    }

    /** A fence proven without a power read: the target confirmed dead, or an operator's confirmation. */
    public static FenceResult confirmed(Proof proof, String message) {
        if (proof != Proof.TARGET_DEAD && proof != Proof.OPERATOR_CONFIRMED) {
            throw new IllegalArgumentException(proof + " is a power read: use power()");
        }
        return new FenceResult(Outcome.SUCCESS, message, PowerState.UNKNOWN, proof);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
