package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProofGuardTest {

    @ParameterizedTest
    @EnumSource(value = FenceAction.class, names = {"OFF", "RESET"})
    void aFenceIsAcceptedWithTheProofsThatNameAFence(FenceAction action) {
        for (FenceResult proven : new FenceResult[] {FenceResult.power(PowerState.OFF, "read off"),
                FenceResult.confirmed(Proof.TARGET_DEAD, "dead"),
                FenceResult.confirmed(Proof.OPERATOR_CONFIRMED, "operator")}) {
            assertThat(ProofGuard.check(action, proven)).isSameAs(proven);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FenceAction.class, names = {"OFF", "RESET"})
    void aFenceWithoutProofIsAFailure(FenceAction action) {
        FenceResult r = ProofGuard.check(action, FenceResult.success("pm02 was power-cycled (now powered on)."));
        assertThat(r).isEqualTo(FenceResult.failure("reported success without proof: pm02 was power-cycled (now powered"
                + " on)."));
    }

    @Test
    void aFenceThatReadsThePowerOnIsAFailure() {
        FenceResult r = ProofGuard.check(FenceAction.OFF, FenceResult.power(PowerState.ON, "done"));
        assertThat(r).isEqualTo(FenceResult.failure("reported success but read the power as on: done", PowerState.ON));
    }

    @Test
    void onNeedsThePowerReadOn() {
        FenceResult on = FenceResult.power(PowerState.ON, "pm02 is powered on.");
        assertThat(ProofGuard.check(FenceAction.ON, on)).isSameAs(on);
        assertThat(ProofGuard.check(FenceAction.ON, FenceResult.success("sent power up")).outcome())
                .isEqualTo(Outcome.FAILURE);
        assertThat(ProofGuard.check(FenceAction.ON, FenceResult.power(PowerState.OFF, "off")).message())
                .isEqualTo("reported success without proof: off");
        assertThat(ProofGuard.check(FenceAction.ON, FenceResult.confirmed(Proof.TARGET_DEAD, "dead")).outcome())
                .isEqualTo(Outcome.FAILURE);
    }

    @Test
    void failuresAndActionsThatFenceNothingPassUnchanged() {
        FenceResult failure = FenceResult.failure("no");
        assertThat(ProofGuard.check(FenceAction.OFF, failure)).isSameAs(failure);
        FenceResult healthy = FenceResult.success("pm01 pm02");
        assertThat(ProofGuard.check(FenceAction.STATUS, healthy)).isSameAs(healthy);
        assertThat(ProofGuard.check(FenceAction.MONITOR, healthy)).isSameAs(healthy);
    }

    @Test
    void aProofCannotContradictItsResult() {
        assertThatThrownBy(() -> new FenceResult(Outcome.SUCCESS, "x", PowerState.ON, Proof.POWER_READ_OFF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FenceResult(Outcome.FAILURE, "x", PowerState.OFF, Proof.POWER_READ_OFF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FenceResult.confirmed(Proof.POWER_READ_OFF, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
