package org.fence4j.agents.power;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerState;
import org.slf4j.LoggerFactory;

/**
 * Powers one node through its device: connects, then hands the connection to the
 * {@link PowerSequencer}, which decides and proves every outcome (off and reset succeed only once
 * the power is read off). Monitor connects and reads the power: a health check, not a proof.
 */
final class PowerAgent implements FenceAgent {
    private final String type;
    private final Optional<String> hostname;
    private final PowerDevice device;
    private final PowerSequencer sequencer;

    PowerAgent(String type, Optional<String> hostname, PowerDevice device, PowerSequencer sequencer) {
        this.type = type;
        this.hostname = hostname;
        this.device = device;
        this.sequencer = sequencer;
    }

    @Override
    public List<String> targets() {
        return hostname.map(List::of).orElse(List.of());
    }

    @Override
    public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
        if (target != null && hostname.filter(h -> !h.equalsIgnoreCase(target)).isPresent()) {
            return FenceResult.failure("this device fences " + hostname.get() + ", not " + target + ".");
        }
        String node = target != null ? target : hostname.orElse(device.address());
        PowerConnection connection;
        try {
            connection = device.connect(deadline);
        } catch (RuntimeException e) {
            return failed(node, "cannot log in to " + device.describe() + ": " + e.getMessage(), e, deadline);
        }
        try (connection) {
            if (action == FenceAction.MONITOR) {
                return monitor(connection, node, deadline);
            }
            // status, on, off and reset: the sequencer decides, and proves, every outcome
            return sequencer.run(action, connection, node, deadline);
        } catch (RuntimeException e) {
            return failed(node, e.getMessage(), e, deadline);
        }
    }

    private FenceResult monitor(PowerConnection connection, String node, Deadline deadline)
            throws InterruptedException {
        PowerState power = connection.readPower(deadline);
        String details = connection.details();
        // a health check, not a power read anyone may act on: it proves nothing
        return FenceResult.success(capitalized(device.describe()) + " answers" + (details.isEmpty() ? "" : " ("
                + details + ")") + "; " + node + " is powered " + power.name().toLowerCase(Locale.ROOT)
                + ".");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private FenceResult failed(String node, String why, RuntimeException e, Deadline deadline) {
        // debug only, and the logger is created only here: the status path loads no logging; one line, no
        // stack trace (-vv is for operators): the failure's kind beside the message the result carries
        LoggerFactory.getLogger(PowerAgent.class).debug("{}: {} failed ({})", type, node, e.getClass().getSimpleName());
        return deadline.expired() ? FenceResult.timeout(why) : FenceResult.failure(why);
    }
}
