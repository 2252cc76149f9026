package org.fence4j.ipmi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.chain.AgentCall;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.spi.Secret;
import org.fence4j.agents.testing.Await;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ipmi agent, found through the registry, against the in-process simulated BMC. */
class IpmiAgentSimulatedBmcTest {
    private final FenceAgentProvider provider = AgentRegistry.load().require("ipmi");
    private SimulatedBmc bmc;

    IpmiAgentSimulatedBmcTest() throws ParameterException {
    }

    @BeforeEach
    void start() {
        bmc = SimulatedBmc.builder().user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR)
                .user("viewer", Secret.of("view"), Privilege.USER).kg(null).start();
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    private FenceAgent agent(String... keyValues) throws ParameterException {
        List<RawParameter> raw = new ArrayList<>(List.of(
                new RawParameter("hostname", "pm02", Origin.stdin(1)),
                new RawParameter("ipport", Integer.toString(bmc.port()), Origin.stdin(3))));
        if (!List.of(keyValues).contains("ip")) {
            raw.add(new RawParameter("ipaddr", "127.0.0.1", Origin.stdin(2)));
        }
        boolean user = false;
        boolean password = false;
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.add(new RawParameter(keyValues[i], keyValues[i + 1], Origin.stdin(10 + i)));
            user |= List.of("userid", "username", "login").contains(keyValues[i]);
            password |= keyValues[i].startsWith("passw");
        }
        if (!user) {
            raw.add(new RawParameter("userid", "admin", Origin.stdin(4)));
        }
        if (!password) {
            raw.add(new RawParameter("passwd", "secret", Origin.stdin(5)));
        }
        return provider.create(DeclaredParameters.resolve(provider.parameters(), raw, DeclaredParameters.Unknown.REJECT, name -> null));
    }

    private static FenceResult run(FenceAgent agent, FenceAction action) throws InterruptedException {
        return run(agent, action, Deadline.after(Duration.ofSeconds(15)));
    }

    private static FenceResult run(FenceAgent agent, FenceAction action, Deadline deadline) throws InterruptedException {
        try (agent) {
            return agent.execute(action, "pm02", deadline);
        }
    }

    @Test
    void offIsReportedOnlyOnceTheStatusReadsOff() throws Exception {
        FenceResult r = run(agent(), FenceAction.OFF);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.message()).isEqualTo("pm02 is powered off.");
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(bmc.powerOn()).isFalse();
        assertThat(bmc.chassisLog()).containsExactly("power down");
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void offOfAnOffNodeSucceedsAtOnce() throws Exception {
        bmc.setPower(false);
        assertThat(run(agent(), FenceAction.OFF).message()).isEqualTo("pm02 is powered off.");
        assertThat(bmc.chassisLog()).isEmpty();
    }

    @Test
    void aBmcThatNeverPowersOffIsAFailure() throws Exception {
        bmc.faults().neverPowerOff(true);
        FenceResult r = run(agent("power_timeout", "1"), FenceAction.OFF);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).isEqualTo("pm02 is still powered on 1 s after power down: the BMC did not switch it off.");
        assertThat(bmc.activeSessions()).isZero();
        assertThat(run(agent("power_timeout", "1"), FenceAction.RESET).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(bmc.chassisLog()).doesNotContain("power up");
    }

    @Test
    void aDeadlineShorterThanPowerTimeoutIsTheWaitTheFailureReports() throws Exception {
        bmc.faults().neverPowerOff(true);
        FenceResult r = run(agent("power_timeout", "20"), FenceAction.OFF, Deadline.after(Duration.ofSeconds(3)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).matches("pm02 is still powered on [0-3](\\.[0-9])? s after power down \\(the deadline cut"
                + " power_timeout 20 s short\\): the BMC did not switch it off\\.");
    }

    @Test
    void aPowerWaitThatWouldPassTheDeadlineLeavesTheNodeOffAndAnswersTheFenceAtOnce() throws Exception {
        FenceResult r = run(agent("power_wait", "10"), FenceAction.RESET, Deadline.after(Duration.ofSeconds(5)));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(r.message()).isEqualTo("pm02 was powered off; it is not powered on again: waiting power_wait 10 s"
                + " first would pass the deadline.");
        assertThat(bmc.chassisLog()).containsExactly("power down");
        assertThat(bmc.powerOn()).isFalse();
    }

    @Test
    void aNodeThatDoesNotComeBackStillLetsTheConfirmedFenceAnswerBeforeTheDeadline() throws Exception {
        bmc.faults().neverPowerOn(true);
        Deadline deadline = Deadline.after(Duration.ofSeconds(4));
        // as a chain level runs it: whatever is not answered by the deadline is a TIMEOUT
        FenceResult r = AgentCall.run(FenceAction.RESET, "level", () -> run(agent("power_timeout", "20"),
                FenceAction.RESET, deadline), deadline.remaining(), "level timed out");
        Duration left = deadline.remaining();
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(r.message()).isEqualTo("pm02 was powered off; it is not powered on yet.");
        assertThat(left).as("the power-up wait keeps its reserve before the deadline").isGreaterThan(Duration.ofSeconds(1));
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
    }

    @Test
    void resetOfAnOffNodeWithNoTimeLeftOnlyReportsTheFence() throws Exception {
        bmc.setPower(false);
        FenceResult r = run(agent(), FenceAction.RESET, Deadline.after(Duration.ofMillis(1500)));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(r.message()).isEqualTo("pm02 was already powered off; it is not powered on again: too little time"
                + " is left before the deadline.");
        assertThat(bmc.chassisLog()).isEmpty();
    }

    @Test
    void resetIsOffConfirmedThenOn() throws Exception {
        FenceResult r = run(agent(), FenceAction.RESET);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.message()).isEqualTo("pm02 was powered off and is powered on again.");
        assertThat(r.power()).as("a fence is never reported with power on").isEqualTo(PowerState.OFF);
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc.powerOn()).isTrue();
    }

    @Test
    void resetOfAnOffNodePowersItOn() throws Exception {
        bmc.setPower(false);
        FenceResult r = run(agent(), FenceAction.RESET);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(bmc.chassisLog()).containsExactly("power up");
        assertThat(bmc.powerOn()).isTrue();
    }

    @Test
    void resetWithMethodCycleSendsOneCycleAndSucceedsOnItsOffRead() throws Exception {
        FenceResult r = run(agent("method", "cycle"), FenceAction.RESET);
        assertThat(r).isEqualTo(new FenceResult(Outcome.SUCCESS, "pm02 was power-cycled: its power read off after the"
                + " BMC accepted the cycle.", PowerState.OFF, Proof.POWER_READ_OFF));
        assertThat(bmc.chassisLog()).containsExactly("power cycle");
        Await.until("the cycle brings the node back by itself", bmc::powerOn, Duration.ofSeconds(3));
    }

    /** Issue 13.1: a BMC that acknowledges the cycle and stays on used to be reported as a fence. */
    @Test
    void aCycleTheBmcAcknowledgesButNeverPowersOffIsAFailureThatSuggestsOnoff() throws Exception {
        bmc.faults().neverPowerOff(true);
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        // as a chain level runs it, through the proof guard
        FenceResult r = AgentCall.run(FenceAction.RESET, "level", () -> run(agent("method", "cycle", "power_timeout",
                "2"), FenceAction.RESET, deadline), deadline.remaining(), "level timed out");
        assertThat(r).isEqualTo(FenceResult.failure("pm02 was never read powered off in the 2 s after the BMC accepted"
                + " the power cycle, so the cycle is not confirmed as a fence; use method: onoff, which powers off and"
                + " confirms the off before powering on.", PowerState.ON));
        assertThat(bmc.chassisLog()).containsExactly("power cycle");
        assertThat(bmc.powerOn()).isTrue();
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void statusMonitorOnAndTargets() throws Exception {
        bmc.setPower(false);
        FenceResult status = run(agent(), FenceAction.STATUS);
        assertThat(status.power()).isEqualTo(PowerState.OFF);
        assertThat(status.message()).isEqualTo("pm02 is powered off.");
        assertThat(run(agent(), FenceAction.MONITOR).succeeded()).isTrue();
        assertThat(run(agent(), FenceAction.ON).message()).isEqualTo("pm02 is powered on.");
        assertThat(bmc.powerOn()).isTrue();
        assertThat(agent().targets()).containsExactly("pm02");
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void anInterruptedCallReturnsPromptlyAndTheSessionIsStillClosed() throws Exception {
        bmc.faults().muteChassisStatus(true);
        FenceAgent agent = agent();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                agent.execute(FenceAction.OFF, "pm02", Deadline.after(Duration.ofSeconds(60)));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        for (int i = 0; i < 200 && bmc.sessionsActivated() == 0; i++) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(3000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        Await.until("no session left open", () -> bmc.activeSessions() == 0, Duration.ofSeconds(3));
        assertThat(bmc.chassisLog()).isEmpty();
        agent.close();
    }

    @Test
    void anotherTargetIsRefused() throws Exception {
        try (FenceAgent a = agent()) {
            FenceResult r = a.execute(FenceAction.OFF, "pm01", Deadline.after(Duration.ofSeconds(5)));
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.message()).isEqualTo("this device fences pm02, not pm01.");
        }
        assertThat(bmc.powerOn()).isTrue();
    }

    @Test
    void aRefusedChassisControlIsAFailureWithTheReason() throws Exception {
        bmc.faults().chassisControlError(0xff);
        FenceResult r = run(agent(), FenceAction.OFF);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).contains("refused by the BMC: unspecified error (0xff)");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void offIsConfirmedThroughLossAndDuplicatesWithinTheLevelTimeout(long seed) throws Exception {
        bmc.close();
        bmc = SimulatedBmc.builder().user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR).seed(seed).start();
        // reordering is the fault proxy's (BadNetworkIpmiSimIT): the simulator's holds a reply until the next one
        Faults.Direction bad = new Faults.Direction(0.3, 0.1, 0, false);
        bmc.faults().toBmc(bad).fromBmc(bad);
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        FenceResult r = run(agent(), FenceAction.OFF, deadline);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(bmc.powerOn()).isFalse();
        assertThat(deadline.expired()).isFalse();
    }

    @Test
    void aWrongPasswordFailsClearlyWithoutShowingIt() throws Exception {
        FenceResult r = run(agent("password", "hunter2"), FenceAction.STATUS);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).contains("authentication failed: wrong password or Kg, or not the expected BMC")
                .doesNotContain("hunter2");
    }

    @Test
    void aUserWithoutPowerRightsCannotLogInAsOperator() throws Exception {
        FenceResult r = run(agent("username", "viewer", "passwd", "view", "privlvl", "operator"), FenceAction.OFF);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).contains("user 'viewer' may not log in as operator");
        assertThat(bmc.powerOn()).isTrue();
    }

    @Test
    void kgAsTextOrHexAndPasswordFromAFile(@TempDir Path dir) throws Exception {
        bmc.close();
        bmc = SimulatedBmc.builder().user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR)
                .kg(Secret.of("bmc-key")).start();
        Path file = SecretFiles.write(dir.resolve("pw"), "secret\n");
        assertThat(run(agent("kg", "bmc-key"), FenceAction.STATUS).power()).isEqualTo(PowerState.ON);
        assertThat(run(agent("hexadecimal_kg", "626d632d6b6579", "passwd_method", "file", "passwd", file.toString()),
                FenceAction.STATUS).power()).isEqualTo(PowerState.ON);
        assertThat(run(agent(), FenceAction.STATUS).message()).contains("authentication failed");
    }

    @Test
    void fenceIpmilanNamesWork(@TempDir Path dir) throws Exception {
        Path file = SecretFiles.write(dir.resolve("pw"), "secret\n");
        FenceResult r = run(agent("ip", "127.0.0.1", "login", "admin", "password_script", "cat " + file, "lanplus", "1",
                "privlvl", "operator", "cipher", "3", "method", "cycle", "power_timeout", "5"), FenceAction.RESET);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(bmc.chassisLog()).containsExactly("power cycle");
    }

    @Test
    void cipherSeventeenIsUsedByDefaultAndCipherZeroIsRefused() throws Exception {
        assertThat(run(agent("cipher", "17"), FenceAction.STATUS).succeeded()).isTrue();
        assertThatThrownBy(() -> agent("cipher", "0")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("cipher: suite 0 has no authentication");
    }

    @Test
    void suitesWithoutIntegrityNeedAnExplicitOptInThatSaysWhy() throws Exception {
        for (String suite : List.of("1", "6", "15")) {
            assertThatThrownBy(() -> agent("cipher", suite)).isInstanceOf(ParameterException.class)
                    .hasMessageContaining("cipher: suite " + suite + " has no integrity algorithm")
                    .hasMessageContaining("forge \"power is off\"").hasMessageContaining("allow_no_integrity=1");
        }
        FenceResult r = run(agent("cipher", "1", "allow_no_integrity", "1"), FenceAction.STATUS);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void anUnresolvableBmcAddressIsNamed() throws Exception {
        List<RawParameter> raw = List.of(new RawParameter("ipaddr", "bmc.invalid", Origin.stdin(1)),
                new RawParameter("userid", "admin", Origin.stdin(2)), new RawParameter("passwd", "secret", Origin.stdin(3)));
        try (FenceAgent a = provider.create(DeclaredParameters.resolve(provider.parameters(), raw, DeclaredParameters.Unknown.REJECT,
                name -> null))) {
            FenceResult r = a.execute(FenceAction.STATUS, null, Deadline.after(Duration.ofSeconds(10)));
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.message()).contains("cannot resolve the BMC address 'bmc.invalid'");
        }
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> agent("interface", "lan")).hasMessageContaining("interface: 'lan'");
        assertThatThrownBy(() -> agent("cipher", "5")).hasMessageContaining("cipher: expected a supported cipher suite");
        assertThatThrownBy(() -> agent("kg", "a", "hexadecimal_kg", "61"))
                .hasMessageContaining("hexadecimal_kg and kg are the same key");
        assertThatThrownBy(() -> agent("lanplus", "0")).hasMessageContaining("lanplus: '0': IPMI 1.5 lan (MD5 or clear-text login) is not spoken; use lanplus");
    }

    @Test
    void anUnreadablePasswordFileIsNamedWithoutShowingPasswd() {
        // passwd_method=file with the password itself in passwd: the error must not echo it
        assertThatThrownBy(() -> agent("passwd_method", "file", "passwd", "hunter2"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("passwd: with passwd_method=file, expected the path of a regular file")
                .hasMessageContaining("cannot read the file named by passwd: there is no such file")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
    }

    @Test
    void powerUpIsSentAgainRetryOnTimesWhenTheNodeStaysOff() throws Exception {
        bmc.setPower(false);
        bmc.faults().neverPowerOn(true);
        FenceResult r = run(agent("power_timeout", "0.5", "retry_on", "2"), FenceAction.ON);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).isEqualTo("pm02 is still powered off 0.5 s after power up (sent 3 times, retry_on).");
        assertThat(bmc.chassisLog()).containsExactly("power up", "power up", "power up");
    }

    @Test
    void aUserLevelSessionReadsThePowerButCannotFence() throws Exception {
        FenceResult status = run(agent("username", "viewer", "password", "view", "privlvl", "user"), FenceAction.STATUS);
        assertThat(status.power()).isEqualTo(PowerState.ON);
        FenceResult off = run(agent("username", "viewer", "password", "view", "privlvl", "user"), FenceAction.OFF);
        assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(bmc.powerOn()).isTrue();
        assertThat(bmc.chassisLog()).isEmpty();
    }

    @Test
    void zeroTimeoutsAndDisableTimeoutLeaveOnlyTheDeadline() throws Exception {
        assertThat(run(agent("login_timeout", "0", "power_timeout", "0"), FenceAction.OFF).outcome())
                .isEqualTo(Outcome.SUCCESS);
        assertThat(bmc.powerOn()).isFalse();
        assertThat(run(agent("disable_timeout", "true", "ip", "127.0.0.1", "ipaddr", "127.0.0.1"), FenceAction.ON)
                .outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(bmc.powerOn()).isTrue();
    }

    @Test
    void aPasswordFileThatIsADeviceIsRefusedWithoutReadingIt() {
        // the one secret reader (Secret.readFirstLine): /dev/zero would never end
        assertThatThrownBy(() -> agent("passwd_method", "file", "passwd", "/dev/zero"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("cannot read the file named by passwd: it is a character device, not a regular file")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("/dev/zero"));
    }
}
