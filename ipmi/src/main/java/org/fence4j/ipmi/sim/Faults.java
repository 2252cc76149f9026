package org.fence4j.ipmi.sim;

import java.util.Random;

/**
 * What the simulated BMC does wrong, changeable while it runs. Loss, duplication, delay and
 * reordering apply per direction and draw from one seeded {@link Random}, so a test run is
 * repeatable.
 */
public final class Faults {
    /** Faults of one direction of traffic. */
    public record Direction(double dropRate, double duplicateRate, int delayMillis, boolean reorder) {
        public static final Direction NONE = new Direction(0, 0, 0, false);

        public Direction {
            if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1 || delayMillis < 0) {
                throw new IllegalArgumentException("rates must be within 0..1 and the delay non-negative");
            }
        }
    }

    private final Random random;
    private volatile Direction toBmc = Direction.NONE;
    private volatile Direction fromBmc = Direction.NONE;
    private volatile int chassisControlError;
    private volatile boolean neverPowerOff;
    private volatile boolean neverPowerOn;
    private volatile boolean muteChassisStatus;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public Faults toBmc(Direction d) {
        toBmc = d;
        return this;
    }

    public Faults fromBmc(Direction d) {
        fromBmc = d;
        return this;
    }

    /** Chassis Control answers this completion code and does nothing; 0 for none. */
    public Faults chassisControlError(int completionCode) {
        chassisControlError = completionCode;
        return this;
    }

    /** Power down and power cycle are acknowledged but the power stays on: a BMC that lies. */
    public Faults neverPowerOff(boolean on) {
        neverPowerOff = on;
        return this;
    }

    /** Power up is acknowledged but the power stays off: a node that does not come back. */
    public Faults neverPowerOn(boolean on) {
        neverPowerOn = on;
        return this;
    }

    /** Get Chassis Status requests are never answered. */
    public Faults muteChassisStatus(boolean on) {
        muteChassisStatus = on;
        return this;
    }

    public Faults clear() {
        toBmc = Direction.NONE;
        fromBmc = Direction.NONE;
        chassisControlError = 0;
        neverPowerOff = false;
        neverPowerOn = false;
        muteChassisStatus = false;
        return this;
    }

    Direction toBmc() {
        return toBmc;
    }

    Direction fromBmc() {
        return fromBmc;
    }

    int chassisControlError() {
        return chassisControlError;
    }

    boolean neverPowerOff() {
        return neverPowerOff;
    }

    boolean neverPowerOn() {
        return neverPowerOn;
    }

    boolean muteChassisStatus() {
        return muteChassisStatus;
    }

    /** True with probability {@code rate}; called on the event loop only. */
    boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
