package org.fence4j.ipmi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.command.ChassisControl.Action;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.RetryPolicy;
import org.fence4j.ipmi.session.SessionOptions;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BMC restarts in the middle of a fence (stopped and started again on the same port): its
 * sessions vanish. fence4j logs in again and proves the power by reading it; a power cycle whose
 * answer was lost is never sent again.
 */
class BmcRestartTest {
    private static final int PORT = 10402;
    private static final Secret PASSWORD = Secret.of("secret");
    private static final Credentials ADMIN = new Credentials("admin", PASSWORD, null);
    private static final SessionOptions OPTIONS = SessionOptions.defaults()
            .withRetry(new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200), 4));
    private final InetSocketAddress address = new InetSocketAddress("127.0.0.1", PORT);
    private IpmiClient client;
    private SimulatedBmc bmc;

    @BeforeEach
    void client() {
        client = new IpmiClient();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private SimulatedBmc restart(boolean powerOn) {
        if (bmc != null) {
            bmc.close();
        }
        bmc = SimulatedBmc.builder().port(PORT).user("admin", PASSWORD, Privilege.ADMINISTRATOR).powerOn(powerOn).start();
        return bmc;
    }

    private BlockingSession session(Deadline deadline) throws InterruptedException {
        BlockingSession.Login login = by -> client.open(address, ADMIN, OPTIONS, by);
        return new BlockingSession(login.open(deadline), deadline, login);
    }

    @Test
    void aBmcRestartBetweenPowerDownAndTheConfirmationIsLoggedIntoAgainAndTheOffIsRead() throws Exception {
        SimulatedBmc first = restart(true);
        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        try (BlockingSession s = session(deadline)) {
            s.control(Action.POWER_DOWN);
            assertThat(first.powerOn()).isFalse();
            SimulatedBmc second = restart(false);   // the node stays off; the BMC forgot the session
            assertThat(s.powerOn()).isFalse();
            assertThat(second.sessionsActivated()).isEqualTo(1);
            assertThat(second.chassisLog()).isEmpty();
        }
        assertThat(deadline.expired()).isFalse();
    }

    @Test
    void aPowerCycleWhoseAnswerIsLostIsNotResentAndThePowerIsReadOnAFreshSession() throws Exception {
        SimulatedBmc first = restart(true);
        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        try (BlockingSession s = session(deadline)) {
            first.faults().fromBmc(new Faults.Direction(1, 0, 0, false));
            assertThatThrownBy(() -> s.control(Action.POWER_CYCLE)).isInstanceOf(NoAnswerException.class);
            assertThat(first.chassisLog()).containsExactly("power cycle");
            SimulatedBmc second = restart(true);
            assertThat(s.powerOn()).isTrue();
            assertThat(second.chassisLog()).isEmpty();
            assertThat(second.sessionsActivated()).isEqualTo(1);
        }
    }

    @Test
    void aBmcThatStaysSilentEndsInNoAnswerWithinTheDeadline() throws Exception {
        restart(true);
        Deadline deadline = Deadline.after(Duration.ofSeconds(3));
        try (BlockingSession s = session(deadline)) {
            bmc.faults().fromBmc(new Faults.Direction(1, 0, 0, false));
            assertThatThrownBy(s::powerOn).isInstanceOf(NoAnswerException.class).hasMessageContaining("logging in again");
        }
        assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofMillis(600));
    }
}
