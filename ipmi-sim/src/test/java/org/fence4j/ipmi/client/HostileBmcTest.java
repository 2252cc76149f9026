package org.fence4j.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.AuthenticationFailedException;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A login with the production timers against a simulated BMC that is slow and simple, or behind
 * an attacker who spoofs its refusals. Each login is a new client, as each fencing call is a new
 * process that has measured nothing yet.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileBmcTest {
    private static final Secret PASSWORD = Secret.of("secret");
    private static final Credentials ADMIN = new Credentials("admin", PASSWORD, null);
    /** A fencing level's time. */
    private static final Duration LEVEL = Duration.ofSeconds(20);
    /** What "at once" is for a refusal the BMC really makes: a few seconds, not the level's time. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private SimulatedBmc bmc;

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private void start() {
        bmc = SimulatedBmc.builder().user("admin", PASSWORD, Privilege.ADMINISTRATOR).start();
    }

    private static Faults.Direction late(int millis) {
        return new Faults.Direction(0, 0, millis, false);
    }

    /**
     * Get Channel Authentication Capabilities, Open Session, RAKP 1 and 3, Set Session Privilege,
     * Get Chassis Status and Close Session: seven round trips, and a few resends at most.
     */
    private static Duration aFewRoundTrips(int lateMillis) {
        return Duration.ofMillis(10L * lateMillis + 2000);
    }

    /** Logs in as a fencing call would, reads the power and logs out; the time it took. */
    private Duration readPower(Credentials credentials) throws InterruptedException {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(LEVEL);
        Session s = new IpmiClient().open(bmc.address(), credentials, SessionOptions.defaults(), deadline);
        assertThat(s.execute(new GetChassisStatus(), deadline).powerOn()).isTrue();
        s.close(deadline);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Duration loginFails(Credentials credentials, String message) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> readPower(credentials)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(message);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @ParameterizedTest(name = "answers {0} ms late")
    @ValueSource(ints = {0, 300, 700})
    void refusalsForgedBeforeEachGenuineAnswerDoNotEndTheLogin(int lateMillis) throws Exception {
        start();
        bmc.faults().forgeRefusals(2).fromBmc(late(lateMillis));
        assertThat(readPower(ADMIN)).isLessThan(aFewRoundTrips(lateMillis));
        assertThat(bmc.sessionsActivated()).isEqualTo(1);
    }

    @ParameterizedTest(name = "setup answers {0} ms late")
    @ValueSource(ints = {300, 700})
    void refusalsForgedBeforeASlowSimpleBmcsAnswersDoNotEndTheLogin(int lateMillis) throws Exception {
        start();
        // each forgery that makes the console resend also makes this BMC forget what it answered
        bmc.faults().forgeRefusals(2).setupResentAsNew(true).setupAnswersLate(lateMillis);
        assertThat(readPower(ADMIN)).isLessThan(aFewRoundTrips(lateMillis));
        assertThat(bmc.sessionsActivated()).isEqualTo(1);
    }

    @Test
    void aUserTheBmcDoesNotKnowIsNamedWithinAFewSeconds() {
        start();
        assertThat(loginFails(new Credentials("nobody", PASSWORD, null), "user 'nobody' unknown to the BMC"))
                .isLessThan(PROMPTLY);
    }

    @Test
    void aWrongPasswordIsSaidWithinAFewSeconds() {
        start();
        Credentials guess = new Credentials("admin", Secret.of("guess"), null);
        assertThat(loginFails(guess, AuthenticationFailedException.MISMATCH)).isLessThan(PROMPTLY);
        assertThat(bmc.sessionsActivated()).isZero();
    }

    @ParameterizedTest(name = "answers {0} ms late")
    @ValueSource(ints = {300, 500, 700, 900})
    void aSlowBmcThatTakesAResentOpenSessionOrRakp1AsNewIsLoggedInto(int lateMillis) throws Exception {
        start();
        bmc.faults().setupResentAsNew(true).fromBmc(late(lateMillis));
        assertThat(readPower(ADMIN)).isLessThan(aFewRoundTrips(lateMillis));
        assertThat(bmc.activeSessions()).isZero();
    }

    @ParameterizedTest(name = "answers {0} ms late")
    @ValueSource(ints = {300, 600, 900})
    void aBmcSlowOnlyAtSessionSetupThatTakesAResentRequestAsNewIsLoggedInto(int lateMillis) throws Exception {
        start();
        // the quick answer to Get Channel Authentication Capabilities teaches a short timer, so Open
        // Session and RAKP 1 are resent, and each resend replaces what the BMC knew
        bmc.faults().setupResentAsNew(true).setupAnswersLate(lateMillis);
        assertThat(readPower(ADMIN)).isLessThan(aFewRoundTrips(lateMillis));
        assertThat(bmc.activeSessions()).isZero();
    }
}
