package org.fence4j.agents.power;

import java.time.Duration;
import java.util.Locale;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerDriver;
import org.fence4j.agents.spi.PowerState;
import org.slf4j.LoggerFactory;

/**
 * The power sequence of every power agent, written once: a driver reads and switches the power
 * ({@link PowerDriver}), the sequencer decides. Off and reset succeed only with the power read
 * back off after the command (proof {@code POWER_READ_OFF}), on only with it read back on; a
 * method cycle reset only once an off is read after the device accepted the cycle.
 *
 * <p>Confirmation polls the power: the first read follows the device's acknowledgement at once,
 * later ones after pauses that grow from {@link #FIRST_PAUSE}, so a device that switches at once
 * costs one read, and a cycle's brief off is not slept through. Pauses sleep on the deadline's clock.
 */
public final class PowerSequencer {
    /**
     * Kept back from the deadline once the power is confirmed off: powering the node up again must
     * not make the fence's SUCCESS (and the driver's close) arrive after the deadline.
     */
    static final Duration REPLY_RESERVE = Duration.ofSeconds(2);
    static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    /** The longest pause while a new power state is confirmed. */
    static final Duration CONFIRM_CAP = Duration.ofMillis(500);
    /** The longest pause while a cycle's off is looked for: a device may be off for a second only. */
    static final Duration CYCLE_CAP = Duration.ofMillis(100);

    private final PowerSettings settings;

    public PowerSequencer(PowerSettings settings) {
        this.settings = settings;
    }

    /**
     * Carries out STATUS, ON, OFF or RESET of {@code node} through {@code driver} by {@code deadline}.
     * What the driver throws is a FAILURE with its message (TIMEOUT once the deadline passed).
     */
    public FenceResult run(FenceAction action, PowerDriver driver, String node, Deadline deadline)
            throws InterruptedException {
        Run run = new Run(driver, node, deadline);
        try {
            return switch (action) {
                case STATUS -> run.status();
                case ON -> run.on();
                case OFF -> run.off();
                case RESET -> run.reset();
                default -> FenceResult.failure("action " + action.word() + " is not a power action.");
            };
        } catch (RuntimeException e) {
            // debug only, and the logger is created only here: the status path loads no logging; one line,
            // no stack trace: the operator's -vv shows the failure's kind and message, the driver's steps the rest
            LoggerFactory.getLogger(PowerSequencer.class).debug("{}: {} failed ({}): {}", node, action.word(),
                    e.getClass().getSimpleName(), why(e));
            return deadline.expired() ? FenceResult.timeout(why(e)) : FenceResult.failure(why(e));
        }
    }

    /** One action on one target. */
    private final class Run {
        private final PowerDriver driver;
        private final String node;
        private final Deadline deadline;

        Run(PowerDriver driver, String node, Deadline deadline) {
            this.driver = driver;
            this.node = node;
            this.deadline = deadline;
        }

        FenceResult status() throws InterruptedException {
            PowerState power = read(deadline);
            return FenceResult.power(power, node + " is powered " + words(power) + ".");
        }

        FenceResult on() throws InterruptedException {
            if (read(deadline) == PowerState.ON) {
                return FenceResult.power(PowerState.ON, node + " is powered on.");
            }
            Duration limit = powerTimeoutWithin();
            int sent = powerUp(deadline);
            if (sent < 0) {
                return FenceResult.failure(node + " is still powered off " + DurationText.of(limit) + " after power up"
                        + (sent < -1 ? " (sent " + -sent + " times, retry_on)" : "") + cutShort(limit) + ".",
                        PowerState.OFF);
            }
            return FenceResult.power(PowerState.ON, node + " is powered on.");
        }

        FenceResult off() throws InterruptedException {
            if (read(deadline) == PowerState.OFF) {
                return FenceResult.power(PowerState.OFF, node + " is powered off.");
            }
            return powerDown();
        }

        private FenceResult powerDown() throws InterruptedException {
            driver.setPower(false, deadline);
            Duration limit = powerTimeoutWithin();
            if (!await(PowerState.OFF, deadline.atMost(limit), deadline, CONFIRM_CAP)) {
                return FenceResult.failure(node + " is still powered on " + DurationText.of(limit) + " after power down"
                        + cutShort(limit) + ": " + driver.device() + " did not switch it off.", PowerState.ON);
            }
            return FenceResult.power(PowerState.OFF, node + " is powered off.");
        }

        FenceResult reset() throws InterruptedException {
            if (read(deadline) == PowerState.OFF) {
                // already fenced; a reset leaves the node running, as fence_ipmilan's reboot does
                return powerUpAfterFence(node + " was already powered off");
            }
            if (settings.cycle()) {
                return cycle();
            }
            FenceResult off = powerDown();
            if (!off.succeeded()) {
                return off;
            }
            String fenced = node + " was powered off";
            Duration wait = settings.powerWait();
            if (!wait.isZero() && wait.compareTo(powerUpBy().remaining()) >= 0) {
                // waiting would only end in giving up: the confirmed off is answered now instead
                return notPoweredUp(fenced, "waiting power_wait " + DurationText.of(wait) + " first would pass the deadline");
            }
            if (!wait.isZero()) {
                deadline.clock().sleep(wait);
            }
            return powerUpAfterFence(fenced);
        }

        /** The node is confirmed off, so the fence succeeded whatever power up does; say what it did. */
        private FenceResult powerUpAfterFence(String fenced) throws InterruptedException {
            Deadline upBy = powerUpBy();
            if (upBy.expired()) {
                return notPoweredUp(fenced, "too little time is left before the deadline");
            }
            try {
                boolean on = powerUp(upBy) > 0;
                // the power reported is the read that proved the fence (off): a chain must not
                // mistake the node coming back for a fence that did not happen, nor the reverse
                return FenceResult.power(PowerState.OFF, fenced + (on ? " and is powered on again."
                        : "; it is not powered on yet."));
            } catch (RuntimeException e) {
                return FenceResult.power(PowerState.OFF, fenced + "; powering it on failed: " + why(e));
            }
        }

        /**
         * Power up, sent again up to retry_on times while the node stays off for power_timeout (power up
         * is safe to repeat, unlike a cycle). The number of power ups sent, negative if the node never read on.
         */
        private int powerUp(Deadline by) throws InterruptedException {
            int sent = 0;
            boolean again;
            do {
                driver.setPower(true, by);
                sent++;
                // sent again only when power_timeout ended the wait: a wait cut by the deadline leaves no time
                again = settings.powerTimeout().compareTo(by.remaining()) < 0;
                if (await(PowerState.ON, by.atMost(settings.powerTimeout()), by, CONFIRM_CAP)) {
                    return sent;
                }
            } while (again && sent <= settings.retryOn());
            return -sent;
        }

        /**
         * A cycle is sent once (resent blind it could act twice) and proves the fence only by an off
         * read after the device accepted it: a device that acknowledges and stays on fences nothing.
         */
        private FenceResult cycle() throws InterruptedException {
            if (!driver.cycles()) {
                return FenceResult.failure("method cycle: " + driver.device() + " offers no power cycle; use method:"
                        + " onoff.", PowerState.ON);
            }
            try {
                driver.cycle(deadline);
            } catch (RuntimeException e) {
                return notCycled(e);
            }
            Duration limit = powerTimeoutWithin();
            if (await(PowerState.OFF, deadline.atMost(limit), deadline, CYCLE_CAP)) {
                return FenceResult.power(PowerState.OFF, node + " was power-cycled: its power read off after "
                        + driver.device() + " accepted the cycle.");
            }
            return FenceResult.failure(node + " was never read powered off in the " + DurationText.of(limit) + " after "
                    + driver.device() + " accepted the power cycle" + cutShort(limit) + ", so the cycle is not"
                    + " confirmed as a fence; use method: onoff, which powers off and confirms the off before"
                    + " powering on.", PowerState.ON);
        }

        /** The cycle was refused or its answer lost: not resent; what the power reads now is told. */
        private FenceResult notCycled(RuntimeException e) throws InterruptedException {
            if (deadline.expired()) {
                throw e;
            }
            PowerState now;
            try {
                now = read(deadline);
            } catch (RuntimeException unreadable) {
                now = PowerState.UNKNOWN;
            }
            return FenceResult.failure("power cycle failed: " + why(e) + "; " + node + (now == PowerState.UNKNOWN
                    ? "'s power cannot be read" : " reads powered " + words(now)) + ", so the cycle is not confirmed.",
                    now);
        }

        /**
         * Reads the power until it is {@code wanted} or {@code until} (power_timeout) passes; true if it was.
         * A read started inside the window may be answered up to {@code readBy}: the window decides
         * whether to ask again, not how long an answer may take, so a slow answer to the last read is
         * "not confirmed", never mistaken for a device that stopped answering.
         */
        private boolean await(PowerState wanted, Deadline until, Deadline readBy, Duration cap) throws InterruptedException {
            Duration next = FIRST_PAUSE;
            while (read(readBy) != wanted) {
                if (until.remaining().compareTo(next) < 0) {
                    return false;
                }
                deadline.clock().sleep(next);
                next = next.multipliedBy(2).compareTo(cap) < 0 ? next.multipliedBy(2) : cap;
            }
            return true;
        }

        private PowerState read(Deadline by) throws InterruptedException {
            PowerState power = driver.readPower(by);
            if (power != PowerState.ON && power != PowerState.OFF) {
                throw new IllegalStateException(driver.device() + " could not read the power of " + node);
            }
            return power;
        }

        private Deadline powerUpBy() {
            return deadline.atMost(deadline.remaining().minus(REPLY_RESERVE));
        }

        /** How long a wait for the power may last: power_timeout, unless the deadline comes first. */
        private Duration powerTimeoutWithin() {
            Duration left = deadline.remaining();
            return left.compareTo(settings.powerTimeout()) < 0 ? left : settings.powerTimeout();
        }

        private String cutShort(Duration limit) {
            return limit.compareTo(settings.powerTimeout()) < 0 && settings.powerTimeout().compareTo(PowerSettings.NO_LIMIT) < 0
                    ? " (the deadline cut power_timeout " + DurationText.of(settings.powerTimeout()) + " short)" : "";
        }
    }

    private static FenceResult notPoweredUp(String fenced, String why) {
        return FenceResult.power(PowerState.OFF, fenced + "; it is not powered on again: " + why + ".");
    }

    private static String why(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String words(PowerState power) {
        return power.name().toLowerCase(Locale.ROOT);
    }
}
