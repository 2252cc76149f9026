package org.fence4j.agents.power;

import java.time.Duration;
import java.util.List;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.Parameters;

/**
 * How the {@link PowerSequencer} resets a target and how long it waits for the power; the
 * parameters are declared here once, and every power agent has them ({@link PowerAgentProvider}).
 *
 * @param cycle        reset by one power cycle instead of off, confirm off, on
 * @param powerWait    pause between the confirmed off and powering on again
 * @param powerTimeout how long the power is polled for the state asked for ({@link #NO_LIMIT}: the deadline alone)
 * @param retryOn      how many more times power up is sent while the node stays off for power_timeout
 */
public record PowerSettings(boolean cycle, Duration powerWait, Duration powerTimeout, int retryOn) {
    /** A power_timeout of 0 (or fence_ipmilan's disable_timeout): the action's deadline is the only bound. */
    public static final Duration NO_LIMIT = Duration.ofDays(365);

    public static final ParameterSpec METHOD = ParameterSpec.select("method",
            "How to reset: onoff (off, confirm off, on; the default) or cycle (power cycle)", "onoff", "cycle")
            .withDefault("onoff").withShortOption('m')
            .withLongDescription("How to reset. onoff (the default, recommended): power off, read the power back"
                    + " until it is off, wait power_wait, power on. cycle: one power cycle; it counts as a fence only"
                    + " if the power is read off after the device accepted it (polled within power_timeout), which a"
                    + " device that is off only briefly may not show, so the reset then fails.");
    public static final ParameterSpec POWER_WAIT = ParameterSpec.seconds("power_wait",
            "Seconds to wait after the power is confirmed off before powering on").withDefault("0");
    public static final ParameterSpec POWER_TIMEOUT = ParameterSpec.seconds("power_timeout",
            "Seconds to wait for the device to report the new power state")
            .withLongDescription("Seconds to wait for the device to report the new power state; 0: no limit of its"
                    + " own, the action's timeout bounds it.")
            .withDefault("20");
    public static final ParameterSpec RETRY_ON = ParameterSpec.integer("retry_on", "Count of attempts to retry power on")
            .withLongDescription("How many more times power up is sent when the node is not on within power_timeout"
                    + " (on, and reboot's power up after the confirmed off); 0 to 10.")
            .withDefault("1");
    public static final ParameterSpec DISABLE_TIMEOUT = ParameterSpec.bool(PowerDriverProvider.DISABLE_TIMEOUT,
            "Disable power_timeout (and a driver's own timeouts, such as login_timeout)").withLongDescription(
                    "Disable power_timeout and the driver's own timeouts (login_timeout): only the action's timeout"
                            + " bounds the waits, as fence-agents do under pacemaker-fenced.").withDefault("0");
    private static final int MOST_RETRIES = 10;

    public static PowerSettings from(Parameters p) throws ParameterException {
        long retryOn = p.integer(RETRY_ON.name());
        if (retryOn < 0 || retryOn > MOST_RETRIES) {
            throw new ParameterException(List.of(RETRY_ON.name() + ": expected 0 to " + MOST_RETRIES
                    + " more attempts to power on, got " + retryOn));
        }
        Duration powerTimeout = p.seconds(POWER_TIMEOUT.name());
        boolean unlimited = powerTimeout.isZero() || p.bool(DISABLE_TIMEOUT.name());
        return new PowerSettings(p.string(METHOD.name()).equals("cycle"), p.seconds(POWER_WAIT.name()),
                unlimited ? NO_LIMIT : powerTimeout, (int) retryOn);
    }

    /** The parameters, in the order agents list them. */
    public static List<ParameterSpec> parameters() {
        return List.of(METHOD, POWER_WAIT, POWER_TIMEOUT, RETRY_ON, DISABLE_TIMEOUT);
    }
}
