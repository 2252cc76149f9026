package org.fence4j.ipmi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.fence4j.agents.spi.Proof;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.ipmi.IpmiSimLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ipmi agent against OpenIPMI's ipmi_sim (a real, independent RMCP+ implementation); every
 * power action is checked with ipmitool as a witness.
 */
class IpmiAgentIpmiSimIT {
    private static final int PORT = 9710;
    private static IpmiSimLab lab;
    private static Path stateDir;
    private final FenceAgentProvider provider;

    IpmiAgentIpmiSimIT() throws Exception {
        provider = AgentRegistry.load().require("ipmi");
    }

    @BeforeAll
    static void start() throws Exception {
        stateDir = Files.createTempDirectory("ipmi-sim-it");
        lab = IpmiSimLab.start(PORT, stateDir, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void powerOnNoFaults() throws Exception {
        lab.setPower(true);
        lab.fault("stuck-on", false);
        lab.fault("fail", false);
    }

    private FenceResult run(FenceAction action, String... keyValues) throws Exception {
        List<RawParameter> raw = new ArrayList<>(List.of(
                new RawParameter("hostname", "pm02", Origin.stdin(1)),
                new RawParameter("ipaddr", "127.0.0.1", Origin.stdin(2)),
                new RawParameter("ipport", Integer.toString(PORT), Origin.stdin(3))));
        List<String> given = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.add(new RawParameter(keyValues[i], keyValues[i + 1], Origin.stdin(10 + i)));
            given.add(keyValues[i]);
        }
        if (!given.contains("userid")) {
            raw.add(new RawParameter("userid", "admin", Origin.stdin(4)));
        }
        if (!given.contains("passwd")) {
            raw.add(new RawParameter("passwd", "secret", Origin.stdin(5)));
        }
        try (FenceAgent agent = provider.create(DeclaredParameters.resolve(provider.parameters(), raw, DeclaredParameters.Unknown.REJECT,
                name -> null))) {
            return agent.execute(action, "pm02", Deadline.after(Duration.ofSeconds(30)));
        }
    }

    @Test
    void statusOffOnReset() throws Exception {
        FenceResult status = run(FenceAction.STATUS);
        assertThat(status.power()).isEqualTo(PowerState.ON);
        assertThat(status.message()).isEqualTo("pm02 is powered on.");

        FenceResult off = run(FenceAction.OFF);
        assertThat(off.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(off.message()).isEqualTo("pm02 is powered off.");
        assertThat(lab.witnessPower()).isEqualTo("off");
        assertThat(run(FenceAction.STATUS).power()).isEqualTo(PowerState.OFF);

        assertThat(run(FenceAction.ON).message()).isEqualTo("pm02 is powered on.");
        assertThat(lab.witnessPower()).isEqualTo("on");

        FenceResult reset = run(FenceAction.RESET);
        assertThat(reset.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reset.message()).isEqualTo("pm02 was powered off and is powered on again.");
        assertThat(lab.witnessPower()).isEqualTo("on");
        assertThat(lab.chassisLog()).contains("set power 0").contains("set power 1");
    }

    @Test
    void aKgOfZerosIsNoKgAsIpmitoolReadsIt() throws Exception {
        // this BMC has no Kg; BMCs show 40 zeros as their default key, and operators copy it
        String zeros = "0".repeat(40);
        assertThat(IpmiSimLab.ipmitool(PORT, "secret", "3", "-y", zeros, "chassis", "power", "status"))
                .contains("Chassis Power is on");
        assertThat(run(FenceAction.STATUS, "hexadecimal_kg", zeros).power()).isEqualTo(PowerState.ON);
    }

    @Test
    void offOfAnOffNodeAndResetWithCycle() throws Exception {
        lab.setPower(false);
        assertThat(run(FenceAction.OFF).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(lab.witnessPower()).isEqualTo("off");
        assertThat(run(FenceAction.RESET).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(lab.witnessPower()).isEqualTo("on");
        int logBefore = lab.chassisLog().length();
        FenceResult cycle = run(FenceAction.RESET, "method", "cycle");
        // ipmi_sim's cycle is off for about a second: the sequencer's first read after the acknowledgement sees it
        assertThat(cycle).isEqualTo(new FenceResult(Outcome.SUCCESS, "pm02 was power-cycled: its power read off after"
                + " the BMC accepted the cycle.", PowerState.OFF, Proof.POWER_READ_OFF));
        assertThat(lab.chassisLog().substring(logBefore)).contains("set power 0");
        assertThat(lab.witnessPowerEventually("on", 10)).isEqualTo("on");
    }

    /** Issue 13.1: ipmi_sim acknowledges the cycle but its power stays on; never a fence. */
    @Test
    void aCycleThatNeverShowsTheNodeOffIsAFailureThatSuggestsOnoff() throws Exception {
        lab.fault("stuck-on", true);
        int logBefore = lab.chassisLog().length();
        FenceResult cycle = run(FenceAction.RESET, "method", "cycle", "power_timeout", "3");
        assertThat(cycle.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(cycle.message()).isEqualTo("pm02 was never read powered off in the 3 s after the BMC accepted the"
                + " power cycle, so the cycle is not confirmed as a fence; use method: onoff, which powers off and"
                + " confirms the off before powering on.");
        assertThat(lab.chassisLog().substring(logBefore)).as("the cycle reached ipmi_sim").contains("set power 0");
        assertThat(lab.witnessPower()).isEqualTo("on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3"})
    void eachCipherSuiteOfIpmiSim(String cipher) throws Exception {
        // suite 1 has no integrity: only with the explicit opt-in
        assertThat(run(FenceAction.STATUS, "cipher", cipher, "allow_no_integrity", "1").power()).isEqualTo(PowerState.ON);
    }

    @Test
    void theDefaultFallsBackFromSeventeenToThreeWithoutWaiting() throws Exception {
        long start = System.nanoTime();
        assertThat(run(FenceAction.MONITOR).succeeded()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void wrongPasswordAndWrongUserAreClearFailures() throws Exception {
        FenceResult wrongPassword = run(FenceAction.OFF, "passwd", "not-the-password");
        assertThat(wrongPassword.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(wrongPassword.message()).contains("authentication failed").doesNotContain("not-the-password");
        FenceResult wrongUser = run(FenceAction.OFF, "userid", "mallory");
        assertThat(wrongUser.outcome()).isEqualTo(Outcome.FAILURE);
        // ipmi_sim's RAKP 2 "unauthorized name", heard on each fresh attempt: said then, not at the deadline
        assertThat(wrongUser.message()).contains("user 'mallory' unknown to the BMC (unauthorized name (0x0d)) (the"
                + " same refusal on 2 fresh login attempts)");
        assertThat(lab.witnessPower()).isEqualTo("on");
    }

    @Test
    void anOperatorMayPowerOff() throws Exception {
        // ipmi_sim 2.0.33 does not enforce a user's privilege limit over RMCP+ (user 'user' gets an
        // OPERATOR session too); the USER-level refusal is covered by IpmiClientIpmiSimIT
        FenceResult operator = run(FenceAction.OFF, "userid", "operator", "passwd", "oppass", "priv", "operator");
        assertThat(operator.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(lab.witnessPower()).isEqualTo("off");
    }

    @Test
    void aBmcThatStaysOnIsAFailure() throws Exception {
        lab.fault("stuck-on", true);
        FenceResult off = run(FenceAction.OFF, "power_timeout", "2");
        assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(off.message()).isEqualTo("pm02 is still powered on 2 s after power down: the BMC did not switch it off.");
        assertThat(run(FenceAction.RESET, "power_timeout", "2").outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(lab.witnessPower()).isEqualTo("on");
    }

    @Test
    void failingChassisControlIsAFailure() throws Exception {
        lab.fault("fail", true);
        FenceResult off = run(FenceAction.OFF);
        assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(off.message()).contains("refused by the BMC");
        assertThat(lab.witnessPower()).isEqualTo("on");
    }
}
