package org.fence4j.agents.power;

import java.time.Duration;
import java.util.List;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/**
 * How the {@link PowerSequencer} resets a target and how long it waits for the power; the
 * parameters are declared here once, for every power agent to list among its own.
 *
 * @param cycle        reset by one power cycle instead of off, confirm off, on
 * @param powerWait    pause between the confirmed off and powering on again
 * @param powerTimeout how long the power is polled for the state asked for
 */
public record PowerSettings(boolean cycle, Duration powerWait, Duration powerTimeout) {
    public static final ParameterSpec METHOD = ParameterSpec.select("method",
            "How to reset: onoff (off, confirm off, on; the default) or cycle (power cycle)", "onoff", "cycle")
            .withDefault("onoff")
            .withLongDescription("How to reset. onoff (the default, recommended): power off, read the power back"
                    + " until it is off, wait power_wait, power on. cycle: one power cycle; it counts as a fence only"
                    + " if the power is read off after the device accepted it (polled within power_timeout), which a"
                    + " device that is off only briefly may not show, so the reset then fails.");
    public static final ParameterSpec POWER_WAIT = ParameterSpec.seconds("power_wait",
            "Seconds to wait after the power is confirmed off before powering on").withDefault("0");
    public static final ParameterSpec POWER_TIMEOUT = ParameterSpec.seconds("power_timeout",
            "Seconds to wait for the device to report the new power state").withDefault("20");

    public static PowerSettings from(Parameters p) {
        return new PowerSettings(p.string(METHOD.name()).equals("cycle"), p.seconds(POWER_WAIT.name()),
                p.seconds(POWER_TIMEOUT.name()));
    }

    /** The three parameters, in the order agents list them. */
    public static List<ParameterSpec> parameters() {
        return List.of(METHOD, POWER_WAIT, POWER_TIMEOUT);
    }
}
