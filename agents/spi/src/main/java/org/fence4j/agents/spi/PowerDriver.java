package org.fence4j.agents.spi;

/**
 * One target's power as a power device offers it: read it, switch it, optionally cycle it. A
 * driver only talks to its device; the core's {@code PowerSequencer} owns the sequence of an
 * on, off or reset, its confirmation by reading the power back, power_wait, power_timeout and
 * the deadline, and so the proof of every result. A driver never decides an outcome.
 *
 * <p>Every call returns by {@code by} or throws; a device that cannot be read or refuses a
 * command throws an unchecked exception whose message says why (it becomes the failure's reason).
 * Interrupts must end a call promptly with {@link InterruptedException}.
 */
public interface PowerDriver {

    /** Reads the power now: ON or OFF. Throws when it cannot be read; UNKNOWN counts as unreadable. */
    PowerState readPower(Deadline by) throws InterruptedException;

    /** Asks the device to switch the power on or off; returns once the device accepted the request. */
    void setPower(boolean on, Deadline by) throws InterruptedException;

    /** True if {@link #cycle} is offered. */
    default boolean cycles() {
        return false;
    }

    /**
     * Asks the device for one power cycle (off, then on by itself); returns once the device accepted
     * it. Sent once: resent blind, it could act twice.
     */
    default void cycle(Deadline by) throws InterruptedException {
        throw new UnsupportedOperationException("this device cannot power-cycle");
    }

    /** How messages name the device: "the BMC", "the PDU". */
    default String device() {
        return "the device";
    }
}
