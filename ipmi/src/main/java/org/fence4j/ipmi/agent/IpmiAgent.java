package org.fence4j.ipmi.agent;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.command.ChassisControl.Action;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Session;
import org.slf4j.LoggerFactory;

/**
 * Powers one node through its BMC. OFF and RESET succeed only once Get Chassis Status reads
 * the power off (or, for method cycle, once the BMC accepted the cycle and answers again).
 */
final class IpmiAgent implements FenceAgent {

    private final IpmiSettings settings;
    private IpmiClient client;

    IpmiAgent(IpmiSettings settings) {
        this.settings = settings;
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
        if (action == FenceAction.LIST) {
            return FenceResult.success(String.join(" ", targets()));
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
        try (BlockingSession bmc = new BlockingSession(session, deadline)) {
            return switch (action) {
                case STATUS -> status(bmc, node);
                case MONITOR -> monitor(bmc, node, session.cipherSuite().id());
                case ON -> on(bmc, node);
                case OFF -> off(bmc, node);
                case RESET -> reset(bmc, node);
                default -> FenceResult.failure("action " + action.word() + " is not implemented by ipmi.");
            };
        } catch (IpmiException e) {
            return failed(node, e.getMessage(), e, deadline);
        }
    }

    private Session login(Deadline deadline) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new IpmiException("cannot resolve the BMC address '" + settings.address() + "'");
        }
        CompletableFuture<Session> login = client().open(address,
                settings.credentials(), settings.session(), deadline.atMost(settings.loginTimeout()));
        try {
            return BlockingSession.await(login, deadline);
        } catch (InterruptedException | RuntimeException e) {
            // a session that opens after we gave up on it is closed, never left behind
            login.thenAccept(late -> late.close(deadline));
            throw e;
        }
    }

    private FenceResult status(BlockingSession bmc, String node) throws InterruptedException {
        boolean on = bmc.powerOn();
        return FenceResult.power(on ? PowerState.ON : PowerState.OFF, node + " is powered " + (on ? "on." : "off."));
    }

    private FenceResult monitor(BlockingSession bmc, String node, int cipherSuite) throws InterruptedException {
        boolean on = bmc.powerOn();
        return FenceResult.power(on ? PowerState.ON : PowerState.OFF, "BMC at " + settings.address() + ":" + settings.port()
                + " answers (cipher suite " + cipherSuite + "); " + node + " is powered " + (on ? "on." : "off."));
    }

    private FenceResult on(BlockingSession bmc, String node) throws InterruptedException {
        if (!bmc.powerOn()) {
            bmc.control(Action.POWER_UP);
            if (!bmc.awaitPower(true, settings.powerTimeout())) {
                return new FenceResult(Outcome.FAILURE, node + " is still powered off "
                        + seconds(settings.powerTimeout()) + " after power up.", PowerState.OFF);
            }
        }
        return FenceResult.power(PowerState.ON, node + " is powered on.");
    }

    private FenceResult off(BlockingSession bmc, String node) throws InterruptedException {
        if (!bmc.powerOn()) {
            return FenceResult.power(PowerState.OFF, node + " is powered off.");
        }
        return powerDown(bmc, node);
    }

    private FenceResult powerDown(BlockingSession bmc, String node) throws InterruptedException {
        bmc.control(Action.POWER_DOWN);
        if (!bmc.awaitPower(false, settings.powerTimeout())) {
            return new FenceResult(Outcome.FAILURE, node + " is still powered on "
                    + seconds(settings.powerTimeout()) + " after power down: the BMC did not switch it off.",
                    PowerState.ON);
        }
        return FenceResult.power(PowerState.OFF, node + " is powered off.");
    }

    private FenceResult reset(BlockingSession bmc, String node) throws InterruptedException {
        if (!bmc.powerOn()) {
            // already fenced; a reset leaves the node running, as fence_ipmilan's reboot does
            return powerUpAfterFence(bmc, node, node + " was already powered off");
        }
        if (settings.cycle()) {
            return cycle(bmc, node);
        }
        FenceResult off = powerDown(bmc, node);
        if (!off.succeeded()) {
            return off;
        }
        if (!settings.powerWait().isZero()) {
            Thread.sleep(settings.powerWait().toMillis());
        }
        return powerUpAfterFence(bmc, node, node + " was powered off");
    }

    /** The node is confirmed off, so the fence succeeded whatever power up does; say what it did. */
    private FenceResult powerUpAfterFence(BlockingSession bmc, String node, String fenced) throws InterruptedException {
        try {
            bmc.control(Action.POWER_UP);
            boolean on = bmc.awaitPower(true, settings.powerTimeout());
            // the power reported is the read that proved the fence (off): a chain must not
            // mistake the node coming back for a fence that did not happen, nor the reverse
            return new FenceResult(Outcome.SUCCESS, fenced + (on ? " and is powered on again."
                    : "; it is not powered on yet."), PowerState.OFF);
        } catch (IpmiException e) {
            return new FenceResult(Outcome.SUCCESS, fenced + "; powering it on failed: "
                    + e.getMessage(), PowerState.OFF);
        }
    }

    /** A cycle is sent once: resent blind it could act twice. A lost answer is checked by reading the status. */
    private FenceResult cycle(BlockingSession bmc, String node) throws InterruptedException {
        try {
            bmc.control(Action.POWER_CYCLE);
        } catch (NoAnswerException e) {
            boolean on = bmc.powerOn();
            return new FenceResult(Outcome.FAILURE, "no answer to power cycle; " + node
                    + " reads powered " + (on ? "on" : "off") + ", so the cycle is not confirmed.",
                    on ? PowerState.ON : PowerState.OFF);
        }
        boolean on = bmc.powerOn();
        // the BMC accepted the cycle and answers again; a node already back on proves nothing either way
        return new FenceResult(Outcome.SUCCESS, node + " was power-cycled (now powered "
                + (on ? "on" : "off") + ").", on ? PowerState.UNKNOWN : PowerState.OFF);
    }

    private static FenceResult failed(String node, String why, IpmiException e, Deadline deadline) {
        // debug only, and the logger is created only here: the status path loads no logging
        LoggerFactory.getLogger(IpmiAgent.class).debug("ipmi: {} failed", node, e);
        if (e instanceof NoAnswerException && deadline.expired()) {
            return FenceResult.timeout(why);
        }
        return FenceResult.failure(why);
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private synchronized IpmiClient client() {
        if (client == null) {
            client = new IpmiClient();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
