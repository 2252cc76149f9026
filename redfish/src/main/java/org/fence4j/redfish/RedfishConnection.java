package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.redfish.http.Reply;
import org.slf4j.LoggerFactory;

/**
 * One ComputerSystem's power through a session: its PowerState read, and {@code #ComputerSystem.Reset}
 * with ForceOff, On (or ForceOn) and, for method=cycle only, PowerCycle (or ForceRestart). Only
 * {@code Off} reads as off: PoweringOff, Paused and the rest are not off, so the core's sequencer
 * goes on reading until the system is.
 */
final class RedfishConnection implements PowerConnection {
    private final RedfishSession session;
    private final String system;
    private ResetAction reset;

    RedfishConnection(RedfishSession session, String system) {
        this.session = session;
        this.system = system;
    }

    @Override
    public PowerState readPower(Deadline by) throws InterruptedException {
        return powerOf(session.get(system, by));
    }

    private PowerState powerOf(JsonNode resource) {
        String state = Json.text(resource, "PowerState").orElseThrow(() -> new RedfishException(system
                + " reports no PowerState"));
        ProtocolSteps.say("redfish", "{}: PowerState {}", system, state);
        return switch (state) {
            case "Off" -> PowerState.OFF;
            case "On", "PoweringOn", "PoweringOff", "Paused" -> PowerState.ON;
            default -> throw new RedfishException(system + " reports an unknown PowerState '" + state + "'");
        };
    }

    @Override
    public void setPower(boolean on, Deadline by) throws InterruptedException {
        ResetAction action = reset(by);
        String type = on ? action.choose(system, "On", "ForceOn") : action.choose(system, "ForceOff");
        PowerState wanted = on ? PowerState.ON : PowerState.OFF;
        Reply reply;
        try {
            reply = post(action, type, by);
        } catch (AnswerLost lost) {
            // sent twice, ForceOff (or On) leaves the node as once; still, only if the power says it did not act
            if (readPower(by) == wanted) {
                return;
            }
            LoggerFactory.getLogger(RedfishConnection.class).warn("{} at {}: {}; the power is not {} yet, so {} is"
                    + " sent once more.", type, session.base(), lost.getMessage(), words(wanted), type);
            reply = post(action, type, by);
        }
        if ((reply.status() == 400 || reply.status() == 409) && refusalMeansDone(type, reply, wanted, by)) {
            return;
        }
        accepted(action, type, reply, by);
    }

    /**
     * A 400 or 409 to a power change is how many BMCs say the system is in that state already
     * (iDRAC answers 409, iLO 400): read the power; in the state asked for, the refusal is success.
     */
    private boolean refusalMeansDone(String type, Reply reply, PowerState wanted, Deadline by)
            throws InterruptedException {
        PowerState now = readPower(by);
        if (now == wanted) {
            LoggerFactory.getLogger(RedfishConnection.class).info("{} refused {} ({}): it is already {}.", system, type,
                    session.describe(reply), words(wanted));
            return true;
        }
        throw new RedfishException("the BMC refused " + type + " (" + session.describe(reply) + "); "
                + system + " reads powered " + words(now));
    }

    @Override
    public boolean cycles() {
        return true;
    }

    /** Sent once: after a lost answer it is not sent again (the sequencer then reads the power). */
    @Override
    public void cycle(Deadline by) throws InterruptedException {
        ResetAction action = reset(by);
        String type = action.choose(system, "PowerCycle", "ForceRestart");
        try {
            accepted(action, type, post(action, type, by), by);
        } catch (AnswerLost lost) {
            throw new RedfishException(lost.getMessage() + "; " + type + " is not sent again: twice, it could"
                    + " reset the node twice", lost);
        }
    }

    private Reply post(ResetAction action, String type, Deadline by) throws InterruptedException {
        ProtocolSteps.say("redfish", "{}: ComputerSystem.Reset {}", system, type);
        return session.post(action.target(), Json.object(Map.of("ResetType", type)), by);
    }

    /** Returns once the reset is accepted (2xx; a 202's task followed to its end); throws otherwise. */
    private void accepted(ResetAction action, String type, Reply reply, Deadline by) throws InterruptedException {
        String what = "the BMC refused " + type + " of " + system;
        if (reply.status() == 202) {
            TaskMonitor.follow(session, type + " of " + system, action.target(), reply, by);
        } else if (!reply.succeeded()) {
            throw session.refused(what, reply);
        }
    }

    /** Read at the first power change, from the system, then kept: a system's actions do not change. */
    private ResetAction reset(Deadline by) throws InterruptedException {
        if (reset == null) {
            reset = ResetAction.of(session.get(system, by), system, session, by);
        }
        return reset;
    }

    private static String words(PowerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String device() {
        return "the BMC";
    }

    @Override
    public String details() {
        return system;
    }

    @Override
    public void close() {
        session.close();
    }
}
