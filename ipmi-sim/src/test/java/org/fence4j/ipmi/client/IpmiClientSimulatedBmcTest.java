package org.fence4j.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.CommandFailedException;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.command.GetDeviceGuid;
import org.fence4j.ipmi.command.GetDeviceId;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.session.AuthenticationFailedException;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.RetryPolicy;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the in-process simulated BMC: ciphers, keys, refusals, faults. */
class IpmiClientSimulatedBmcTest {
    private static final Secret PASSWORD = Secret.of("secret");
    private static final Credentials ADMIN = new Credentials("admin", PASSWORD, null);
    private static final SessionOptions FAST = SessionOptions.defaults()
            .withRetry(RetryPolicy.fixed(Duration.ofMillis(150), 12));
    private static IpmiClient client;
    private SimulatedBmc bmc;

    @BeforeAll
    static void client() {
        client = new IpmiClient();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private SimulatedBmc start(SimulatedBmc.Builder b) {
        bmc = b.user("admin", PASSWORD, Privilege.ADMINISTRATOR).user("viewer", Secret.of("view"), Privilege.USER).start();
        return bmc;
    }

    private Session open(Credentials c, SessionOptions o) throws InterruptedException {
        return client.open(bmc.address(), c, o, Deadline.after(Duration.ofSeconds(10)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 7, 8, 15, 16, 17})
    void everySupportedCipherSuiteReadsTheStatus(int suite) throws Exception {
        start(SimulatedBmc.builder().cipherSuites(Set.of(1, 2, 3, 6, 7, 8, 15, 16, 17)).powerOn(false));
        Session s = open(ADMIN, FAST.withCipherSuite(suite).allowingNoIntegrity());
        assertThat(s.cipherSuite().id()).isEqualTo(suite);
        assertThat(s.execute(new GetChassisStatus(), Deadline.after(Duration.ofSeconds(5))).powerOn()).isFalse();
        assertThat(s.execute(new GetDeviceId(), Deadline.after(Duration.ofSeconds(5))).ipmiVersion()).isEqualTo("2.0");
        assertThat(s.execute(new GetDeviceGuid(), Deadline.after(Duration.ofSeconds(5)))).hasSize(16);
        s.close(Deadline.after(Duration.ofSeconds(5)));
        assertThat(bmc.sessionsClosed()).isEqualTo(1);
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void byDefaultSeventeenIsChosenAndThreeWhenTheBmcRefusesSha256() throws Exception {
        start(SimulatedBmc.builder().cipherSuites(Set.of(3, 17)));
        Session s = open(ADMIN, FAST);
        assertThat(s.cipherSuite().id()).isEqualTo(17);
        s.close(Deadline.after(Duration.ofSeconds(5)));
        bmc.close();
        start(SimulatedBmc.builder().cipherSuites(Set.of(1, 2, 3)));
        Session fallback = open(ADMIN, FAST);
        assertThat(fallback.cipherSuite().id()).isEqualTo(3);
        fallback.close(Deadline.after(Duration.ofSeconds(5)));
    }

    @Test
    void kgIsUsedForTheSessionKeysAndAMissingKgIsAnAuthenticationFailure() throws Exception {
        start(SimulatedBmc.builder().kg(Secret.of("bmc-key")));
        Session s = open(new Credentials("admin", PASSWORD, Secret.of("bmc-key")), FAST);
        assertThat(s.execute(new GetChassisStatus(), Deadline.after(Duration.ofSeconds(5))).powerOn()).isTrue();
        s.close(Deadline.after(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> open(ADMIN, FAST)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(AuthenticationFailedException.MISMATCH);
    }

    @Test
    void aKgOfZerosIsNoKgAndTheOnlyKgABmcWithoutOneAccepts() throws Exception {
        start(SimulatedBmc.builder());
        Session s = open(new Credentials("admin", PASSWORD, Secret.ofBytes(new byte[20])), FAST);
        assertThat(s.execute(new GetChassisStatus(), Deadline.after(Duration.ofSeconds(5))).powerOn()).isTrue();
        s.close(Deadline.after(Duration.ofSeconds(5)));
        byte[] one = new byte[20];
        one[19] = 1;
        assertThatThrownBy(() -> open(new Credentials("admin", PASSWORD, Secret.ofBytes(one)), FAST))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aWrongPasswordIsDetectedFromTheBmcsRakp2Code() {
        start(SimulatedBmc.builder());
        assertThatThrownBy(() -> open(new Credentials("admin", Secret.of("guess"), null), FAST))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("authentication failed: wrong password or Kg, or not the expected BMC (the same refusal on 2"
                        + " fresh login attempts)")
                .message().doesNotContain("guess");
        assertThat(bmc.sessionsActivated()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Faults.Spoil.class)
    void aHandshakeAnswerThatCannotBeVerifiedIsDroppedAndTheStepWaitsForAGoodOne(Faults.Spoil how) throws Exception {
        start(SimulatedBmc.builder());
        for (PayloadType type : List.of(PayloadType.OPEN_SESSION_RESPONSE, PayloadType.RAKP2, PayloadType.RAKP4)) {
            bmc.faults().spoilReplies(type, how, 1);
            Session s = open(ADMIN, FAST);
            assertThat(s.execute(new GetChassisStatus(), Deadline.after(Duration.ofSeconds(5))).powerOn()).isTrue();
            s.close(Deadline.after(Duration.ofSeconds(5)));
        }
        assertThat(bmc.sessionsActivated()).isEqualTo(3);
    }

    @Test
    void rakp2CodesThatNeverVerifyEndInAuthenticationFailedOnceTwoFreshAttemptsHeardThem() {
        start(SimulatedBmc.builder());
        bmc.faults().spoilReplies(PayloadType.RAKP2, Faults.Spoil.BAD_AUTH_CODE, 1000);
        assertThatThrownBy(() -> open(ADMIN, FAST)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage(AuthenticationFailedException.MISMATCH + " (the same refusal on 2 fresh login attempts)");
        assertThat(bmc.sessionsActivated()).isZero();
    }

    @Test
    void anUnknownUserIsNamed() {
        start(SimulatedBmc.builder());
        assertThatThrownBy(() -> open(new Credentials("nobody", PASSWORD, null), FAST))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("user 'nobody' unknown");
    }

    @Test
    void aUserMayNotLogInAboveItsPrivilege() {
        start(SimulatedBmc.builder());
        assertThatThrownBy(() -> open(new Credentials("viewer", Secret.of("view"), null), FAST.withPrivilege(Privilege.OPERATOR)))
                .hasMessageContaining("may not log in as operator");
    }

    @Test
    void cipherZeroIsRefusedBeforeAnythingIsSentUnlessExplicitlyAllowed() throws Exception {
        start(SimulatedBmc.builder().cipherSuites(Set.of(0, 3)));
        assertThatThrownBy(() -> open(ADMIN, FAST.withCipherSuite(0))).isInstanceOf(IpmiException.class)
                .hasMessageContaining("cipher suite 0 is refused");
        assertThat(bmc.sessionsActivated()).isZero();
        Session s = open(new Credentials("admin", Secret.of("anything"), null), FAST.withCipherSuite(0).allowingCipherZero());
        assertThat(s.cipherSuite().id()).isZero();
        s.close(Deadline.after(Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 15})
    void suitesWithoutIntegrityAreRefusedBeforeAnythingIsSentUnlessExplicitlyAllowed(int suite) {
        start(SimulatedBmc.builder().cipherSuites(Set.of(1, 3, 6, 15)));
        assertThatThrownBy(() -> open(ADMIN, FAST.withCipherSuite(suite))).isInstanceOf(IpmiException.class)
                .hasMessageContaining("cipher suite " + suite + " is refused: it has no integrity algorithm")
                .hasMessageContaining("could forge \"power is off\"");
        assertThat(bmc.sessionsActivated()).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void thirtyPercentLossInEachDirectionStillSucceedsWithinTheDeadline(long seed) throws Exception {
        start(SimulatedBmc.builder().seed(seed));
        Faults.Direction lossy = new Faults.Direction(0.3, 0, 0, false);
        bmc.faults().toBmc(lossy).fromBmc(lossy);
        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        // a try fails with probability 0.51; 20 tries make a failed exchange a one-in-a-million event
        SessionOptions patient = FAST.withRetry(RetryPolicy.fixed(Duration.ofMillis(150), 20));
        Session s = client.open(bmc.address(), ADMIN, patient, deadline);
        s.execute(new ChassisControl(ChassisControl.Action.POWER_DOWN), deadline);
        assertThat(s.execute(new GetChassisStatus(), deadline).powerOn()).isFalse();
        s.close(deadline);
        assertThat(bmc.powerOn()).isFalse();
    }

    @Test
    void duplicatedAndReorderedDatagramsAreIgnored() throws Exception {
        start(SimulatedBmc.builder());
        bmc.faults().toBmc(new Faults.Direction(0, 1, 0, false)).fromBmc(new Faults.Direction(0, 1, 20, true));
        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        Session s = client.open(bmc.address(), ADMIN, FAST, deadline);
        for (int i = 0; i < 5; i++) {
            assertThat(s.execute(new GetChassisStatus(), deadline).powerOn()).isTrue();
        }
        s.execute(new ChassisControl(ChassisControl.Action.POWER_DOWN), deadline);
        assertThat(s.execute(new GetChassisStatus(), deadline).powerOn()).isFalse();
        s.close(deadline);
    }

    @Test
    void threadsSharingOneClientDriveSessionsToSeveralBmcsAtOnce() throws Exception {
        start(SimulatedBmc.builder());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try (SimulatedBmc second = SimulatedBmc.builder().user("admin", PASSWORD, Privilege.ADMINISTRATOR).powerOn(false)
                .start()) {
            Deadline deadline = Deadline.after(Duration.ofSeconds(10));
            java.util.List<java.util.concurrent.Future<Boolean>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SimulatedBmc target = i % 2 == 0 ? bmc : second;
                reads.add(threads.submit(() -> {
                    Session s = client.open(target.address(), ADMIN, FAST, deadline);
                    boolean on = s.execute(new GetChassisStatus(), deadline).powerOn();
                    s.close(deadline);
                    return on;
                }));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertThat(reads.get(i).get(15, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0);
            }
            assertThat(bmc.sessionsClosed()).isEqualTo(3);
            assertThat(second.sessionsClosed()).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPortWhereNothingListensIsNoAnswerAndSaysWhatTheNetworkSaid() throws Exception {
        start(SimulatedBmc.builder());
        java.net.InetSocketAddress nobody = bmc.address();
        bmc.close();
        bmc = null;
        // each fresh attempt ends at the ICMP, the next a pause later; three in a row are the answer
        assertThatThrownBy(() -> client.open(nobody, ADMIN, FAST.withRetry(RetryPolicy.fixed(Duration.ofMillis(100), 3)),
                Deadline.after(Duration.ofSeconds(30)))).isInstanceOf(NoAnswerException.class)
                .hasMessageStartingWith("port unreachable: nothing listens on UDP port " + nobody.getPort()
                        + " at 127.0.0.1 (ICMP port unreachable on 3 fresh login attempts in ")
                .hasMessageEndingWith("; is IPMI over LAN enabled on the BMC, and ipport right?)");
    }

    @Test
    void aCommandWithoutAnswerFailsAndTheSessionIsStillClosed() throws Exception {
        start(SimulatedBmc.builder());
        Session s = open(ADMIN, FAST);
        bmc.faults().muteChassisStatus(true);
        assertThatThrownBy(() -> s.execute(new GetChassisStatus(), Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOf(NoAnswerException.class).hasMessageContaining("Get Chassis Status");
        s.close(Deadline.after(Duration.ofSeconds(5)));
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void aPowerCycleIsSentOnceEvenWhenItsAnswerIsLost() throws Exception {
        start(SimulatedBmc.builder());
        Session s = open(ADMIN, FAST);
        bmc.faults().fromBmc(new Faults.Direction(1, 0, 0, false));
        assertThatThrownBy(() -> s.execute(new ChassisControl(ChassisControl.Action.POWER_CYCLE),
                Deadline.after(Duration.ofSeconds(3)))).isInstanceOf(NoAnswerException.class);
        assertThat(bmc.chassisLog()).containsExactly("power cycle");
        bmc.faults().clear();
        s.close(Deadline.after(Duration.ofSeconds(5)));
    }

    @Test
    void completionCodesBecomeClearMessages() throws Exception {
        start(SimulatedBmc.builder());
        Session s = open(ADMIN, FAST);
        bmc.faults().chassisControlError(0xff);
        assertThatThrownBy(() -> s.execute(new ChassisControl(ChassisControl.Action.POWER_DOWN),
                Deadline.after(Duration.ofSeconds(3)))).isInstanceOf(CommandFailedException.class)
                .hasMessage("Chassis Control (power down) refused by the BMC: unspecified error (0xff)");
        s.close(Deadline.after(Duration.ofSeconds(5)));
    }
}
