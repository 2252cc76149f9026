package org.fence4j.ipmi.agent;

import java.net.InetSocketAddress;
import java.util.List;
import org.fence4j.agents.power.PowerSequencer;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Session;
import org.slf4j.LoggerFactory;

/**
 * Powers one node through its BMC: logs in and hands the session to the core's
 * {@link PowerSequencer} as a {@link BmcPowerDriver}. OFF and RESET succeed only once Get Chassis
 * Status reads the power off after the command (for method cycle: after the BMC accepted the cycle).
 */
final class IpmiAgent implements FenceAgent {
    private final IpmiSettings settings;
    private final PowerSequencer sequencer;
    private IpmiClient client;

    IpmiAgent(IpmiSettings settings) {
        this.settings = settings;
        this.sequencer = new PowerSequencer(settings.power());
    }

    @Override
    public List<String> targets() {
        return settings.hostname().map(List::of).orElse(List.of());
    }

    @Override
    public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
        String node = target != null ? target : settings.hostname().orElse(settings.address());
        if (target != null && settings.hostname().filter(h -> !h.equalsIgnoreCase(target)).isPresent()) {
            return FenceResult.failure("this device fences " + settings.hostname().get() + ", not " + target + ".");
        }
        if (action == FenceAction.VALIDATE || action == FenceAction.METADATA) {
            return FenceResult.success("parameters are valid.");
        }
        Session session;
        try {
            session = login(deadline);
        } catch (IpmiException e) {
            return failed(node, "cannot log in to the BMC at " + settings.address() + ":" + settings.port() + ": "
                    + e.getMessage(), e, deadline);
        }
        try (BlockingSession bmc = new BlockingSession(session, deadline, this::login)) {
            if (action == FenceAction.MONITOR) {
                return monitor(bmc, node, session.cipherSuite().id());
            }
            // status, on, off and reset: the core's sequencer decides, and proves, every outcome
            return sequencer.run(action, new BmcPowerDriver(bmc), node, deadline);
        } catch (IpmiException e) {
            return failed(node, e.getMessage(), e, deadline);
        }
    }

    /** Logs in by {@code deadline}; login_timeout bounds each handshake attempt, not all of them. */
    private Session login(Deadline deadline) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new IpmiException("cannot resolve the BMC address '" + settings.address() + "'");
        }
        return client().open(address, settings.credentials(), settings.session().withLoginAttempt(settings.loginTimeout()),
                deadline);
    }

    private FenceResult monitor(BlockingSession bmc, String node, int cipherSuite) throws InterruptedException {
        // a health check, not a power read anyone may act on: it proves nothing
        return FenceResult.success("BMC at " + settings.address() + ":" + settings.port() + " answers (cipher suite "
                + cipherSuite + "); " + node + " is powered " + (bmc.powerOn() ? "on." : "off."));
    }

    private static FenceResult failed(String node, String why, IpmiException e, Deadline deadline) {
        // debug only, and the logger is created only here: the status path loads no logging
        LoggerFactory.getLogger(IpmiAgent.class).debug("ipmi: {} failed", node, e);
        if (e instanceof NoAnswerException && deadline.expired()) {
            return FenceResult.timeout(why);
        }
        return FenceResult.failure(why);
    }

    /** Made at the first login: validate and metadata calls need no random source. */
    private synchronized IpmiClient client() {
        if (client == null) {
            client = new IpmiClient();
        }
        return client;
    }
}
