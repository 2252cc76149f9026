package org.fence4j.agents.chain;

import java.time.Duration;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;

/** How one level of a chain went; {@code proof} is what its success rests on (NONE otherwise). */
public record LevelReport(int index, String device, String agent, Outcome outcome, Duration duration,
        String reason, PowerState power, Proof proof) {

    /** "Level 2 ipmi-pm02 (ipmi)", as the operator's output names a level. */
    public static String label(int index, String device, String agent) {
        return "Level " + index + " " + device + " (" + agent + ")";
    }

    /** "Level 2 ipmi-pm02 (ipmi): FAILURE: BMC unreachable". */
    public String why() {
        return label(index, device, agent) + ": " + outcome + ": " + reason;
    }

    /** The pm_logconv style return code: 0 success, 1 failure, 2 timeout; a skipped level did not succeed (1). */
    public int rc() {
        return switch (outcome) {
            case SUCCESS -> 0;
            case FAILURE, SKIPPED -> 1;
            case TIMEOUT -> 2;
        };
    }
}
