package org.fence4j.agents.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.fence4j.agents.testing.Await;
import org.junit.jupiter.api.Test;

/** The core's power sequence, driven through every path by a toy driver in fake time. */
class PowerSequencerTest {
    private static final PowerSettings ONOFF = new PowerSettings(false, Duration.ZERO, Duration.ofSeconds(20), 1);
    private static final PowerSettings CYCLE = new PowerSettings(true, Duration.ZERO, Duration.ofSeconds(20), 1);

    private final ToyPowerDriver toy = new ToyPowerDriver();

    private FenceResult run(PowerSettings settings, FenceAction action) throws InterruptedException {
        return run(settings, action, Duration.ofSeconds(60));
    }

    private FenceResult run(PowerSettings settings, FenceAction action, Duration deadline) throws InterruptedException {
        return new PowerSequencer(settings).run(action, toy, "pm02", toy.deadline(deadline));
    }

    private static PowerSettings timeout(PowerSettings s, int seconds) {
        return new PowerSettings(s.cycle(), s.powerWait(), Duration.ofSeconds(seconds), 1);
    }

    @Test
    void offIsConfirmedByTheFirstReadAfterTheAcknowledgement() throws Exception {
        FenceResult r = run(ONOFF, FenceAction.OFF);
        assertThat(r).isEqualTo(new FenceResult(Outcome.SUCCESS, "pm02 is powered off.", PowerState.OFF,
                Proof.POWER_READ_OFF));
        assertThat(toy.calls).containsExactly("read", "set off", "read");
        assertThat(toy.clock.sleeps()).as("a device that switches at once costs no pause").isEmpty();
    }

    @Test
    void offOfAnOffTargetSendsNothing() throws Exception {
        toy.power = PowerState.OFF;
        assertThat(run(ONOFF, FenceAction.OFF).proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(toy.calls).containsExactly("read");
    }

    @Test
    void aPowerThatFlipsLateIsPolledWithGrowingPausesUntilItReadsOff() throws Exception {
        toy.lateReads = 6;
        FenceResult r = run(ONOFF, FenceAction.OFF);
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(toy.calls).containsExactly("read", "set off", "read", "read", "read", "read", "read", "read", "read");
        assertThat(toy.clock.sleeps()).extracting(Duration::toMillis).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void aDeviceThatAcknowledgesPowerDownAndStaysOnIsAFailureAfterPowerTimeout() throws Exception {
        toy.staysOn = true;
        FenceResult r = run(timeout(ONOFF, 3), FenceAction.OFF);
        assertThat(r).isEqualTo(FenceResult.failure("pm02 is still powered on 3 s after power down: the device did not"
                + " switch it off.", PowerState.ON));
        assertThat(toy.clock.elapsed()).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(3));
        assertThat(toy.clock.sleeps()).allMatch(p -> p.compareTo(PowerSequencer.CONFIRM_CAP) <= 0);
        assertThat(run(timeout(ONOFF, 3), FenceAction.RESET).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(toy.calls).doesNotContain("set on");
    }

    @Test
    void aDeadlineShorterThanPowerTimeoutIsTheWaitTheFailureReports() throws Exception {
        toy.staysOn = true;
        FenceResult r = run(ONOFF, FenceAction.OFF, Duration.ofSeconds(2));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).isEqualTo("pm02 is still powered on 2 s after power down (the deadline cut"
                + " power_timeout 20 s short): the device did not switch it off.");
    }

    @Test
    void resetIsOffConfirmedThenOnAndReportsTheReadThatProvedTheFence() throws Exception {
        FenceResult r = run(ONOFF, FenceAction.RESET);
        assertThat(r).isEqualTo(new FenceResult(Outcome.SUCCESS, "pm02 was powered off and is powered on again.",
                PowerState.OFF, Proof.POWER_READ_OFF));
        assertThat(toy.calls).containsExactly("read", "set off", "read", "set on", "read");
    }

    @Test
    void powerWaitPausesBetweenTheConfirmedOffAndPowerUp() throws Exception {
        run(new PowerSettings(false, Duration.ofSeconds(3), Duration.ofSeconds(20), 1), FenceAction.RESET);
        assertThat(toy.clock.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(toy.calls).containsExactly("read", "set off", "read", "set on", "read");
    }

    @Test
    void aPowerWaitThatWouldPassTheDeadlineAnswersTheConfirmedFenceAtOnce() throws Exception {
        FenceResult r = run(new PowerSettings(false, Duration.ofSeconds(10), Duration.ofSeconds(20), 1), FenceAction.RESET,
                Duration.ofSeconds(5));
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(r.message()).isEqualTo("pm02 was powered off; it is not powered on again: waiting power_wait 10 s"
                + " first would pass the deadline.");
        assertThat(toy.calls).doesNotContain("set on");
    }

    @Test
    void aTargetThatDoesNotComeBackStillHasItsFenceAnsweredBeforeTheReserve() throws Exception {
        toy.staysOff = true;
        Deadline deadline = toy.deadline(Duration.ofSeconds(6));
        FenceResult r = new PowerSequencer(ONOFF).run(FenceAction.RESET, toy, "pm02", deadline);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(r.message()).isEqualTo("pm02 was powered off; it is not powered on yet.");
        assertThat(deadline.remaining()).isGreaterThanOrEqualTo(PowerSequencer.REPLY_RESERVE);
    }

    @Test
    void aPowerUpThatFailsAfterTheConfirmedOffKeepsTheFence() throws Exception {
        toy.setOnFails = new IllegalStateException("no answer to power up");
        FenceResult r = run(ONOFF, FenceAction.RESET);
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(r.message()).isEqualTo("pm02 was powered off; powering it on failed: no answer to power up");
    }

    @Test
    void resetOfAnOffTargetWithNoTimeLeftOnlyReportsTheFence() throws Exception {
        toy.power = PowerState.OFF;
        FenceResult r = run(ONOFF, FenceAction.RESET, Duration.ofMillis(1500));
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(r.message()).isEqualTo("pm02 was already powered off; it is not powered on again: too little time"
                + " is left before the deadline.");
        assertThat(toy.calls).containsExactly("read");
    }

    @Test
    void onIsConfirmedByReadingThePowerOn() throws Exception {
        toy.power = PowerState.OFF;
        toy.lateReads = 1;
        assertThat(run(ONOFF, FenceAction.ON)).isEqualTo(FenceResult.power(PowerState.ON, "pm02 is powered on."));
        assertThat(toy.calls).containsExactly("read", "set on", "read", "read");
    }

    @Test
    void anOnThatIsNeverReadBackIsAFailure() throws Exception {
        toy.power = PowerState.OFF;
        toy.staysOff = true;
        FenceResult r = run(timeout(ONOFF, 2), FenceAction.ON);
        // power up is safe to repeat: sent once more (retry_on 1) when power_timeout ended the wait
        assertThat(r).isEqualTo(FenceResult.failure("pm02 is still powered off 2 s after power up (sent 2 times,"
                + " retry_on).", PowerState.OFF));
        assertThat(toy.calls).filteredOn("set on"::equals).hasSize(2);
    }

    @Test
    void aSlowAnswerToTheLastReadOfTheWindowIsNotConfirmedNotNoAnswer() throws Exception {
        toy.staysOn = true;
        toy.readsOnlyBy = true;
        toy.readTakes = Duration.ofMillis(300);
        FenceResult r = run(timeout(CYCLE, 1), FenceAction.RESET);
        // the window (power_timeout) decides whether to read again; an answer may take until the deadline
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).startsWith("pm02 was never read powered off in the 1 s after the device accepted");
    }

    @Test
    void withoutRetriesPowerUpIsSentOnce() throws Exception {
        toy.power = PowerState.OFF;
        toy.staysOff = true;
        PowerSettings once = new PowerSettings(false, Duration.ZERO, Duration.ofSeconds(2), 0);
        FenceResult r = run(once, FenceAction.ON);
        assertThat(r).isEqualTo(FenceResult.failure("pm02 is still powered off 2 s after power up.", PowerState.OFF));
        assertThat(toy.calls).filteredOn("set on"::equals).hasSize(1);
    }

    @Test
    void statusIsAPowerRead() throws Exception {
        assertThat(run(ONOFF, FenceAction.STATUS)).isEqualTo(FenceResult.power(PowerState.ON, "pm02 is powered on."));
    }

    @Test
    void aCycleCountsOnlyOnceAnOffIsReadAfterTheAcknowledgement() throws Exception {
        FenceResult r = run(CYCLE, FenceAction.RESET);
        assertThat(r).isEqualTo(new FenceResult(Outcome.SUCCESS, "pm02 was power-cycled: its power read off after the"
                + " device accepted the cycle.", PowerState.OFF, Proof.POWER_READ_OFF));
        assertThat(toy.calls).containsExactly("read", "cycle", "read");
    }

    @Test
    void aCycleThatGoesOffLateAndBrieflyIsCaughtByFastPolling() throws Exception {
        toy.lateReads = 8;
        toy.cycleOffReads = 1;
        FenceResult r = run(CYCLE, FenceAction.RESET);
        assertThat(r.proof()).isEqualTo(Proof.POWER_READ_OFF);
        assertThat(toy.clock.sleeps()).allMatch(p -> p.compareTo(PowerSequencer.CYCLE_CAP) <= 0);
        assertThat(toy.calls).containsOnlyOnce("cycle");
    }

    @Test
    void aCycleWithoutAnOffReadIsAFailureThatSuggestsOnoff() throws Exception {
        toy.staysOn = true;
        FenceResult r = run(timeout(CYCLE, 3), FenceAction.RESET);
        assertThat(r).isEqualTo(FenceResult.failure("pm02 was never read powered off in the 3 s after the device"
                + " accepted the power cycle, so the cycle is not confirmed as a fence; use method: onoff, which"
                + " powers off and confirms the off before powering on.", PowerState.ON));
        assertThat(toy.calls).containsOnlyOnce("cycle").doesNotContain("set off", "set on");
        assertThat(toy.clock.sleeps()).allMatch(p -> p.compareTo(PowerSequencer.CYCLE_CAP) <= 0);
    }

    @Test
    void aCycleWhoseAnswerIsLostIsNotResentAndNotConfirmed() throws Exception {
        toy.cycleFails = new IllegalStateException("no answer from the device");
        FenceResult r = run(CYCLE, FenceAction.RESET);
        assertThat(r).isEqualTo(FenceResult.failure("power cycle failed: no answer from the device; pm02 reads powered"
                + " on, so the cycle is not confirmed.", PowerState.ON));
        assertThat(toy.calls).containsExactly("read", "cycle", "read");
    }

    @Test
    void methodCycleOnADeviceThatCannotCycleIsRefused() throws Exception {
        toy.canCycle = false;
        FenceResult r = run(CYCLE, FenceAction.RESET);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.message()).isEqualTo("method cycle: the device offers no power cycle; use method: onoff.");
        assertThat(toy.calls).containsExactly("read");
    }

    @Test
    void aPowerThatCannotBeReadIsAFailureNeverAGuess() throws Exception {
        toy.readsAs = PowerState.UNKNOWN;
        assertThat(run(ONOFF, FenceAction.OFF)).isEqualTo(FenceResult.failure("the device could not read the power of"
                + " pm02"));
        toy.readsAs = null;
        toy.readFails = new IllegalStateException("connection refused");
        assertThat(run(ONOFF, FenceAction.RESET)).isEqualTo(FenceResult.failure("connection refused"));
        assertThat(toy.calls).doesNotContain("set off", "set on");
    }

    @Test
    void aDriverThatThrowsOnceTheDeadlinePassedIsATimeout() throws Exception {
        toy.readTakes = Duration.ofSeconds(2);
        toy.readFails = new IllegalStateException("no answer within the deadline");
        assertThat(run(ONOFF, FenceAction.OFF, Duration.ofSeconds(1)))
                .isEqualTo(FenceResult.timeout("no answer within the deadline"));
    }

    @Test
    void anInterruptEndsThePollingPromptly() throws Exception {
        toy.staysOn = true;
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                ended.complete(new AssertionError("returned " + new PowerSequencer(timeout(ONOFF, 600))
                        .run(FenceAction.OFF, toy, "pm02", Deadline.after(Duration.ofMinutes(10)))));
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        caller.start();
        Await.until("polling has begun (4 calls)", () -> toy.calls.size() >= 4, Duration.ofSeconds(5));
        caller.interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        int calls = toy.calls.size();
        caller.join(5000);
        assertThat(toy.calls).hasSize(calls);
    }
}
