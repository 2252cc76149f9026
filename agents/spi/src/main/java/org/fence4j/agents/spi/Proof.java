package org.fence4j.agents.spi;

/**
 * What a successful result rests on. The chain and the protocol adapters accept an off or reset
 * SUCCESS only with a proof that the target is fenced ({@link #fences()}), and an on SUCCESS only
 * with {@link #POWER_READ_ON}; anything else is turned into a FAILURE.
 */
public enum Proof {
    /** The device read the target's power back as off after the fence began. */
    POWER_READ_OFF,
    /** The device read the target's power back as on. Proves on, never a fence. */
    POWER_READ_ON,
    /** The target was confirmed dead without touching its power (helper). */
    TARGET_DEAD,
    /** An operator confirmed that the target is down (meatware). */
    OPERATOR_CONFIRMED,
    /** Nothing was proven: enough for list, monitor or validate, never for on, off or reset. */
    NONE;

    /** True if this proof shows the target fenced. */
    public boolean fences() {
        return this == POWER_READ_OFF || this == TARGET_DEAD || this == OPERATOR_CONFIRMED;
    }
}
