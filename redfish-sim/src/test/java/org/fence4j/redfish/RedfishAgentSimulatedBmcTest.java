package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The redfish agent through the core's power sequence, against the simulated Redfish BMC. */
class RedfishAgentSimulatedBmcTest {

    private static FenceResult run(FenceAgent agent, FenceAction action) throws InterruptedException {
        return agent.execute(action, "pm02", Deadline.after(Duration.ofSeconds(15)));
    }

    @Test
    void readsTheStatusAndFencesWithForceOffThenOnDeletingItsSessions() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            FenceAgent agent = new RedfishLab(bmc).agent();

            assertThat(run(agent, FenceAction.STATUS).power()).isEqualTo(PowerState.ON);
            FenceResult reset = run(agent, FenceAction.RESET);

            assertThat(reset.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(reset.proof()).isEqualTo(Proof.POWER_READ_OFF);
            assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
            assertThat(bmc.powerState("1")).isEqualTo("On");
            assertThat(bmc.sessionsCreated()).isEqualTo(2);
            assertThat(bmc.openSessions()).isZero();
            assertThat(bmc.requests()).noneMatch(r -> r.startsWith("GET") && r.contains("Authorization"));
        }
    }

    @Test
    void offIsConfirmedOnlyOnceThePowerReadsOffNotPoweringOff() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().transitionDelay(Duration.ofMillis(1500)).start()) {
            long start = System.nanoTime();
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(bmc.powerState("1")).isEqualTo("Off");
        }
    }

    @Test
    void aBmcThatAcknowledgesButStaysOnIsAFailure() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().stuckOn(true);
            FenceResult off = run(new RedfishLab(bmc).agent("power_timeout", "1"), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(off.message()).contains("still powered on");
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void aRefusedForceOffOfASystemThatIsOnFailsAtOnceWithTheBmcsWordsInOneLine() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().refuseResets(400);
            long start = System.nanoTime();
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(off.message()).contains("refused ForceOff", "HTTP 400 Bad Request",
                    "The request failed due to an internal service error", "reads powered on").doesNotContain("\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTaskMonitorIsFollowedThenThePowerRead() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().transitionDelay(Duration.ofMillis(300)).start()) {
            bmc.faults().taskMonitor(Duration.ofMillis(400)).unavailable(0, 0);
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(bmc.requests()).contains("GET /redfish/v1/TaskService/TaskMonitors/1");
        }
    }

    @Test
    void severalSystemsWithoutSystemsUriAreRefusedListingThemAndNothingIsSentToAny() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().systems(3).start()) {
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(off.message()).contains("manages 3 systems", "/redfish/v1/Systems/1", "/redfish/v1/Systems/3",
                    "systems_uri");
            assertThat(bmc.requests()).noneMatch(r -> r.contains("/Systems/"));
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void manySystemsAreListedUpToEightInTheRefusal() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().systems(20).start()) {
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.message()).contains("manages 20 systems", "/redfish/v1/Systems/8, ... 12 more")
                    .doesNotContain("/redfish/v1/Systems/9");
        }
    }

    @Test
    void anEmptySystemsCollectionIsAFailureThatSaysSo() throws Exception {
        // fence_redfish 4.12 crashes on it (UnboundLocalError)
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().systems(0).start()) {
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(off.message()).contains("the BMC lists no system in /redfish/v1/Systems");
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void systemsUriNamesOneSystemByIdOrByUri() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().systems(3).start()) {
            RedfishLab lab = new RedfishLab(bmc);
            assertThat(run(lab.agent("systems_uri", "2"), FenceAction.OFF).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(run(lab.agent("systems_uri", "/redfish/v1/Systems/3"), FenceAction.OFF).outcome())
                    .isEqualTo(Outcome.SUCCESS);

            assertThat(List.of(bmc.powerState("1"), bmc.powerState("2"), bmc.powerState("3")))
                    .containsExactly("On", "Off", "Off");
            assertThat(bmc.resets("1")).isEmpty();
        }
    }

    @Test
    void withoutAllowedForceOffNothingIsSentAndNeverAGracefulType() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().resetTypes(List.of("On", "GracefulShutdown")).start()) {
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(off.message()).contains("does not allow the reset type ForceOff", "GracefulShutdown");
            assertThat(bmc.resets("1")).isEmpty();
        }
    }

    @Test
    void resetTypesOfferedThroughActionInfoAreRead() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().actionInfo(true).resetTypes(List.of("On", "ForceOff"))
                .start()) {
            assertThat(run(new RedfishLab(bmc).agent("method", "cycle"), FenceAction.RESET).message())
                    .contains("does not allow the reset type PowerCycle or ForceRestart");
            assertThat(run(new RedfishLab(bmc).agent(), FenceAction.RESET).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(bmc.requests()).contains("GET /redfish/v1/Systems/1/ResetActionInfo");
        }
    }

    @Test
    void methodCycleSendsOnePowerCycleAndNeedsAnOffRead() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().cycleOff(Duration.ofMillis(800)).start()) {
            FenceResult reset = run(new RedfishLab(bmc).agent("method", "cycle"), FenceAction.RESET);

            assertThat(reset.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(reset.proof()).isEqualTo(Proof.POWER_READ_OFF);
            assertThat(bmc.resets("1")).containsExactly("PowerCycle");
        }
    }

    /** Each reset's answer dropped, or answered 503 after it acted (as a proxy inside the BMC may). */
    private static void loseResetAnswers(SimulatedRedfishBmc bmc, boolean as503) {
        if (as503) {
            bmc.faults().unavailableAfterResets(true);
        } else {
            bmc.faults().dropResetAnswers(true);
        }
    }

    @ParameterizedTest(name = "answered 503: {0}")
    @ValueSource(booleans = {false, true})
    void aCycleWhoseAnswerIsLostOr503IsNeverSentAgain(boolean as503) throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            loseResetAnswers(bmc, as503);
            bmc.faults().stuckOn(true);
            FenceResult reset = run(new RedfishLab(bmc).agent("method", "cycle"), FenceAction.RESET);

            assertThat(reset.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(reset.message()).contains(as503 ? "HTTP 503" : "the answer was lost", "not sent again");
            assertThat(bmc.resets("1")).containsExactly("PowerCycle");
        }
    }

    @ParameterizedTest(name = "answered 503: {0}")
    @ValueSource(booleans = {false, true})
    void aForceOffWhoseAnswerIsLostOr503IsNotResentWhenThePowerReadsOff(boolean as503) throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            loseResetAnswers(bmc, as503);
            FenceResult off = run(new RedfishLab(bmc).agent(), FenceAction.OFF);

            assertThat(off.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(bmc.resets("1")).containsExactly("ForceOff");
        }
    }

    @Test
    void unavailableAnswersAndDroppedConnectionsAreRetriedWithinTheDeadline() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().seed(27).start()) {
            bmc.faults().unavailable(0.3, 0).dropAnswers(0.3);
            FenceAgent agent = new RedfishLab(bmc).agent();
            int read = 0;
            for (int i = 0; i < 10; i++) {
                read += run(agent, FenceAction.STATUS).power() == PowerState.ON ? 1 : 0;
            }
            assertThat(read).isEqualTo(10);
        }
    }

    @Test
    void aBmcThatNeverAnswersFailsByTheDeadline() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().neverAnswer(true);
            long start = System.nanoTime();
            FenceResult status = new RedfishLab(bmc).agent().execute(FenceAction.STATUS, "pm02",
                    Deadline.after(Duration.ofMillis(1500)));

            assertThat(status.outcome()).isIn(Outcome.TIMEOUT, Outcome.FAILURE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aPortWhereNothingListensIsSaidAfterThreeRefusedConnectionsNotAtTheDeadline() throws Exception {
        SimulatedRedfishBmc stopped = RedfishLab.bmc().start();
        stopped.close();
        FenceResult status = new RedfishLab(stopped).agent().execute(FenceAction.STATUS, "pm02",
                Deadline.after(Duration.ofSeconds(30)));

        assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(status.message()).contains("nothing listens on TCP port " + stopped.port()
                + " at 127.0.0.1 (connection refused on 3 tries in ", "is the BMC's Redfish service enabled");
    }

    @Test
    void shellTimeoutBoundsEachTryAfterTheLoginAndLoginTimeoutTheTriesBefore() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            // the service root and the login are answered, nothing after them
            bmc.faults().neverAnswerAfter(2);
            FenceResult status = new RedfishLab(bmc).agent("login_timeout", "30", "shell_timeout", "0.2")
                    .execute(FenceAction.STATUS, "pm02", Deadline.after(Duration.ofSeconds(3)));

            assertThat(status.outcome()).isIn(Outcome.FAILURE, Outcome.TIMEOUT);
            // the Systems GET given up after 0.2 s and tried again; under login_timeout one try takes the whole deadline
            assertThat(bmc.faults().unanswered()).isGreaterThanOrEqualTo(3);
        }
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().neverAnswer(true);
            FenceResult status = new RedfishLab(bmc).agent("login_timeout", "30", "shell_timeout", "0.2")
                    .execute(FenceAction.STATUS, "pm02", Deadline.after(Duration.ofMillis(1500)));

            assertThat(status.outcome()).isIn(Outcome.FAILURE, Outcome.TIMEOUT);
            assertThat(bmc.faults().unanswered()).as("the service root, read once under login_timeout").isEqualTo(1);
        }
    }

    @Test
    void aCancelEndsARequestTheBmcNeverAnswersAtOnceAndIsNoSuccess() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            FenceAgent agent = new RedfishLab(bmc).agent();
            bmc.faults().neverAnswer(true);
            // as the core cancels: the thread running the agent is interrupted (AgentCall's FutureTask.cancel(true))
            FutureTask<FenceResult> off = new FutureTask<>(() -> agent.execute(FenceAction.OFF, "pm02",
                    Deadline.after(Duration.ofSeconds(60))));
            Thread worker = new Thread(off, "redfish-off");
            worker.start();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (bmc.faults().unanswered() == 0 && System.nanoTime() - waitUntil < 0) {
                Thread.onSpinWait();
            }
            assertThat(bmc.faults().unanswered()).as("a request reached the BMC").isPositive();

            long cancelled = System.nanoTime();
            off.cancel(true);
            worker.join(Duration.ofSeconds(20).toMillis());
            // before: the read went on for login_timeout (10 s), and then another try
            assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
            assertThat(bmc.resets("1")).isEmpty();
            assertThat(bmc.powerState("1")).isEqualTo("On");
        }
    }
}
