package org.fence4j.ipmi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiSimLab;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.command.ChassisControl.Action;
import org.fence4j.ipmi.net.FaultProxy;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ipmi agent through the project's fault proxy in front of OpenIPMI's ipmi_sim: loss,
 * duplicates, reordering and corrupted replies (seeded), and a BMC restarted mid-fence. Small
 * counts; {@code ipmi/bench/bad-network.sh} measures the same at 100 runs. The power is witnessed
 * by ipmitool talking to ipmi_sim directly.
 */
class BadNetworkIpmiSimIT {
    private static final int BMC_PORT = 10400;
    private static final int PROXY_PORT = 10401;
    private static final Duration LEVEL = Duration.ofSeconds(30);
    /** A call ends by its deadline; this is the most it may take beyond it to return (closing included). */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static IpmiSimLab lab;
    private final FenceAgentProvider provider;

    BadNetworkIpmiSimIT() throws Exception {
        provider = AgentRegistry.load().require("ipmi");
    }

    @BeforeAll
    static void start() throws Exception {
        lab = IpmiSimLab.start(BMC_PORT, Files.createTempDirectory("ipmi-sim-bad-net"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private FenceResult run(FenceAction action) throws Exception {
        List<RawParameter> raw = List.of(new RawParameter("hostname", "pm02", Origin.stdin(1)),
                new RawParameter("ipaddr", "127.0.0.1", Origin.stdin(2)),
                new RawParameter("ipport", Integer.toString(PROXY_PORT), Origin.stdin(3)),
                new RawParameter("userid", "admin", Origin.stdin(4)), new RawParameter("passwd", "secret", Origin.stdin(5)),
                new RawParameter("cipher", "3", Origin.stdin(6)));
        Deadline deadline = Deadline.after(LEVEL);
        long start = System.nanoTime();
        try (FenceAgent agent = provider.create(DeclaredParameters.resolve(provider.parameters(), raw, DeclaredParameters.Unknown.REJECT,
                name -> null))) {
            FenceResult r = agent.execute(action, "pm02", deadline);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within the level timeout")
                    .isLessThanOrEqualTo(LEVEL.plus(GRACE));
            return r;
        }
    }

    @Test
    void thirtyPercentLossEachWayStatusAndConfirmedOffAllSucceed() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(PROXY_PORT, BMC_PORT, new FaultProxy.Faults(0.3, 0, 0, 0), 21,
                Duration.ofMinutes(10), 200_000)) {
            for (int i = 0; i < 10; i++) {
                lab.setPower(true);
                FenceResult status = run(FenceAction.STATUS);
                assertThat(status.power()).as(status.message()).isEqualTo(PowerState.ON);
            }
            for (int i = 0; i < 10; i++) {
                lab.setPower(true);
                FenceResult off = run(FenceAction.OFF);
                assertThat(off.outcome()).as(off.message()).isEqualTo(Outcome.SUCCESS);
                assertThat(lab.witnessPower()).isEqualTo("off");
            }
        }
    }

    @Test
    void lossDuplicatesAndReorderingStillReadTheStatus() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(PROXY_PORT, BMC_PORT, new FaultProxy.Faults(0.3, 0.1, 50, 0), 22,
                Duration.ofMinutes(10), 200_000)) {
            lab.setPower(true);
            for (int i = 0; i < 10; i++) {
                FenceResult status = run(FenceAction.STATUS);
                assertThat(status.power()).as(status.message()).isEqualTo(PowerState.ON);
            }
        }
    }

    @Test
    void corruptedRepliesNeverMakeAFalseSuccessAndMostFencesSucceed() throws Exception {
        int succeeded = 0;
        try (FaultProxy proxy = FaultProxy.start(PROXY_PORT, BMC_PORT, new FaultProxy.Faults(0, 0, 0, 0.3), 23,
                Duration.ofMinutes(10), 200_000)) {
            for (int i = 0; i < 10; i++) {
                lab.setPower(true);
                FenceResult off = run(FenceAction.OFF);
                assertThat(off.message()).doesNotContain("Exception").doesNotContain("\tat ");
                if (off.outcome() == Outcome.SUCCESS) {
                    succeeded++;
                    assertThat(lab.witnessPower()).as("a success is a node that is off").isEqualTo("off");
                }
            }
        }
        assertThat(succeeded).isGreaterThanOrEqualTo(9);
    }

    @Test
    void ipmiSimRestartedBetweenPowerDownAndTheConfirmationIsLoggedIntoAgainAndTheOffIsRead() throws Exception {
        lab.setPower(true);
        Credentials admin = new Credentials("admin", Secret.of("secret"), null);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", BMC_PORT);
        Deadline deadline = Deadline.after(LEVEL);
        IpmiClient client = new IpmiClient();
        SessionOptions options = SessionOptions.defaults().withCipherSuite(3);
        BlockingSession.Login login = by -> client.open(address, admin, options, by);
        try (BlockingSession bmc = new BlockingSession(login.open(deadline), deadline, login)) {
            bmc.control(Action.POWER_DOWN);
            Path dir = lab.dir();
            lab.close();
            lab = IpmiSimLab.start(BMC_PORT, Files.createDirectories(dir), null);
            lab.setPower(false);   // the node stays off while its BMC restarts
            assertThat(bmc.powerOn()).isFalse();
        }
        assertThat(deadline.expired()).isFalse();
        assertThat(lab.chassisLog()).doesNotContain("set power");
    }
}
