package org.fence4j.ipmi.agent;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
    /**
     * Kept back from the deadline once the power is confirmed off: powering the node up again must
     * not make the fence's SUCCESS (and the session's close, at most 1 s) arrive after the deadline.
     */
    private static final Duration REPLY_RESERVE = Duration.ofSeconds(2);

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
        try (BlockingSession bmc = new BlockingSession(session, deadline, this::login)) {
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

    /** Logs in by {@code deadline}; login_timeout bounds each handshake attempt, not all of them. */
    private Session login(Deadline deadline) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new IpmiException("cannot resolve the BMC address '" + settings.address() + "'");
        }
        CompletableFuture<Session> login = client().open(address, settings.credentials(),
                settings.session().withLoginAttempt(settings.loginTimeout()), deadline);
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
            Duration limit = powerTimeoutWithin(bmc.deadline());
            if (!bmc.awaitPower(true, bmc.deadline().atMost(limit))) {
                return new FenceResult(Outcome.FAILURE, node + " is still powered off " + seconds(limit)
                        + " after power up" + cutShort(limit) + ".", PowerState.OFF);
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
        Duration limit = powerTimeoutWithin(bmc.deadline());
        if (!bmc.awaitPower(false, bmc.deadline().atMost(limit))) {
            return new FenceResult(Outcome.FAILURE, node + " is still powered on " + seconds(limit)
                    + " after power down" + cutShort(limit) + ": the BMC did not switch it off.", PowerState.ON);
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
        String fenced = node + " was powered off";
        if (!settings.powerWait().isZero() && settings.powerWait().compareTo(powerUpBy(bmc).remaining()) >= 0) {
            // waiting would only end in giving up: the confirmed off is answered now instead
            return notPoweredUp(fenced, "waiting power_wait " + seconds(settings.powerWait())
                    + " first would pass the deadline");
        }
        if (!settings.powerWait().isZero()) {
            Thread.sleep(settings.powerWait().toMillis());
        }
        return powerUpAfterFence(bmc, node, fenced);
    }

    /** The node is confirmed off, so the fence succeeded whatever power up does; say what it did. */
    private FenceResult powerUpAfterFence(BlockingSession bmc, String node, String fenced) throws InterruptedException {
        Deadline upBy = powerUpBy(bmc);
        if (upBy.expired()) {
            return notPoweredUp(fenced, "too little time is left before the deadline");
        }
        try {
            bmc.control(Action.POWER_UP, upBy);
            boolean on = bmc.awaitPower(true, upBy.atMost(settings.powerTimeout()));
            // the power reported is the read that proved the fence (off): a chain must not
            // mistake the node coming back for a fence that did not happen, nor the reverse
            return new FenceResult(Outcome.SUCCESS, fenced + (on ? " and is powered on again."
                    : "; it is not powered on yet."), PowerState.OFF);
        } catch (IpmiException e) {
            return new FenceResult(Outcome.SUCCESS, fenced + "; powering it on failed: "
                    + e.getMessage(), PowerState.OFF);
        }
    }

    private static Deadline powerUpBy(BlockingSession bmc) {
        Deadline deadline = bmc.deadline();
        return deadline.atMost(deadline.remaining().minus(REPLY_RESERVE));
    }

    private static FenceResult notPoweredUp(String fenced, String why) {
        return new FenceResult(Outcome.SUCCESS, fenced + "; it is not powered on again: " + why + ".", PowerState.OFF);
    }

    /** How long a wait for the power may last: power_timeout, unless the deadline comes first. */
    private Duration powerTimeoutWithin(Deadline deadline) {
        Duration left = deadline.remaining();
        return left.compareTo(settings.powerTimeout()) < 0 ? left : settings.powerTimeout();
    }

    private String cutShort(Duration limit) {
        return limit.compareTo(settings.powerTimeout()) < 0
                ? " (the deadline cut power_timeout " + seconds(settings.powerTimeout()) + " short)" : "";
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

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
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
