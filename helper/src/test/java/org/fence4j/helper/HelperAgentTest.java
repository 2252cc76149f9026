package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fence4j.helper.ScriptedProbe.Reply.ANSWER;
import static org.fence4j.helper.ScriptedProbe.Reply.ERROR;
import static org.fence4j.helper.ScriptedProbe.Reply.HANG;
import static org.fence4j.helper.ScriptedProbe.Reply.SILENT;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.testing.FakeClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The helper's decisions, with a scripted probe, scripted commands and a fake clock. */
class HelperAgentTest {
    private static final String A = "169.254.77.2";
    private static final String B = "169.254.77.6";
    private static final String STANDBY_CHECK = "/bin/sh -c true";
    private static final Duration STANDBY_WAIT = Duration.ofSeconds(25);

    private final FakeClock clock = new FakeClock();
    private final ScriptedProbe probe = new ScriptedProbe();
    private final ScriptedRunner runner = new ScriptedRunner();

    private HelperAgent agent(String... keyValues) throws Exception {
        String[] all = new String[keyValues.length + 4];
        all[0] = "hostlist";
        all[1] = "pm02";
        all[2] = "dead_check_target";
        all[3] = A + " " + B;
        System.arraycopy(keyValues, 0, all, 4, keyValues.length);
        return new HelperAgent(TestParameters.settings(all), probe, runner);
    }

    private FenceResult reset(HelperAgent agent) throws InterruptedException {
        return agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(60), clock));
    }

    @Nested
    class DeadCheck {
        @Test
        void allSilentMeansDead() throws Exception {
            FenceResult result = reset(agent("dead_check_trialcount", "3", "standby_check_command", "true"));

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(result.message()).isEqualTo("pm02: all dead_check_target addresses are silent; pm02 is considered dead");
            assertThat(probe.tries(A)).isEqualTo(3);
            assertThat(probe.tries(B)).isEqualTo(3);
            assertThat(clock.sleeps()).hasSize(4).containsOnly(Duration.ofSeconds(1));
            assertThat(runner.calls()).as("a dead target needs no standby wait").isEmpty();
        }

        @Test
        void offIsCheckedLikeReset() throws Exception {
            FenceResult result = agent("run_standby_wait", "no")
                    .execute(FenceAction.OFF, "pm02", Deadline.after(Duration.ofSeconds(60), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        }

        @Test
        void anAnswerMeansPossiblyAliveAndTheNextLevelRuns() throws Exception {
            probe.on(A, SILENT, ANSWER).on(B, SILENT, ANSWER);

            FenceResult result = reset(agent("run_standby_wait", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains("answered", "pm02 is not confirmed dead", "next level");
        }

        @Test
        void oneAnsweringAddressStopsTheProbesOfTheOthers() throws Exception {
            probe.on(A, HANG).on(B, ANSWER);

            FenceResult result = reset(agent("run_standby_wait", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).startsWith("pm02: " + B + " answered");
            assertThat(probe.wasInterrupted(A)).as("the hanging probe of " + A + " was stopped").isTrue();
        }

        @Test
        void anAddressThatCannotBeProbedLeavesTheTargetUndecided() throws Exception {
            probe.on(A, ERROR).on(B, SILENT);

            FenceResult result = reset(agent("run_standby_wait", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains("could not probe " + A, "ping exited 2: it could not send");
        }

        @Test
        void silenceFromAnAddressThisHostCannotReachProvesNothing() throws Exception {
            probe.unreachable(B, "this host has no route to it (Network is unreachable)");

            FenceResult result = reset(agent("run_standby_wait", "no", "dead_check_trialcount", "2"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).isEqualTo("pm02: " + B + " stayed silent, but that proves nothing: this host"
                    + " has no route to it (Network is unreachable); pm02 is not confirmed dead, the next level must"
                    + " fence it");
            assertThat(probe.tries(B)).as("the route is asked after the tries, when the silence would count")
                    .isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "::1"})
        void silenceFromLoopbackProvesNothing(String loopback) throws Exception {
            FenceResult result = reset(new HelperAgent(TestParameters.settings("hostlist", "pm02",
                    "dead_check_target", A + " " + loopback, "run_standby_wait", "no"), probe, runner));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).startsWith("pm02: " + loopback + " stayed silent, but that proves nothing:"
                    + " it is this host's own loopback");
        }

        @Test
        void anAnswerAfterAnErrorStillCountsAsAlive() throws Exception {
            probe.on(A, ERROR).on(B, SILENT, SILENT, ANSWER);

            FenceResult result = reset(agent("run_standby_wait", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains(B + " answered");
        }

        @Test
        void turnedOffItGoesStraightToTheNextLevel() throws Exception {
            FenceResult result = reset(agent("run_dead_check", "no", "run_standby_wait", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains("run_dead_check=no");
            assertThat(probe.tries(A)).isZero();
        }

        @Test
        void runningOutOfTimeIsATimeoutNeverASuccess() throws Exception {
            probe.costing(Duration.ofSeconds(1), clock);
            HelperAgent agent = agent("run_standby_wait", "no", "dead_check_trialcount", "5");

            FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(4), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.message()).contains("did not finish before the level's deadline", "pm02 is not confirmed dead");
            assertThat(probe.tries(A)).isLessThan(5);
        }

        @Test
        void aTryCutShortByTheDeadlineIsNoProofOfSilence() throws Exception {
            probe.on(A, SILENT, SILENT, ERROR).costing(Duration.ofMillis(1500), clock);
            HelperAgent agent = new HelperAgent(TestParameters.settings("hostlist", "pm02", "dead_check_target", A,
                    "dead_check_trialcount", "3", "run_standby_wait", "no"), probe, runner);

            // tries at 0 and 2.5 s; the third, 5 s in, breaks off at the deadline as ping would (IOException)
            FenceResult result = agent.execute(FenceAction.RESET, "pm02",
                    Deadline.after(Duration.ofMillis(6500).plus(HelperAgent.RESERVE), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(probe.tries(A)).isEqualTo(3);
        }

        @Test
        void aDeadlineThatHasPassedProbesNothing() throws Exception {
            FenceResult result = agent("run_standby_wait", "no")
                    .execute(FenceAction.RESET, "pm02", Deadline.after(HelperAgent.RESERVE, clock));

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(probe.tries(A) + probe.tries(B)).isZero();
        }
    }

    @Nested
    class StandbyWait {
        @Test
        void theActiveNodeDoesNotWait() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 0, "");

            FenceResult result = reset(agent("standby_check_command", "true"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(runner.calls()).containsExactly(STANDBY_CHECK);
            assertThat(clock.sleeps()).doesNotContain(STANDBY_WAIT);
        }

        @Test
        void theStandbyNodeWaitsThenPassesToTheNextLevel() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 1, "");

            FenceResult result = reset(agent("standby_check_command", "true", "run_online_check", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(clock.sleeps()).contains(STANDBY_WAIT);
        }

        @Test
        void theWaitLengthIsConfigurable() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 3, "");

            reset(agent("standby_check_command", "true", "run_online_check", "no", "standby_wait_time", "2.5"));

            assertThat(clock.sleeps()).contains(Duration.ofMillis(2500)).doesNotContain(STANDBY_WAIT);
        }

        @Test
        void aStandbyCheckThatCannotRunCountsAsStandby() throws Exception {
            probe.on(A, ANSWER);

            reset(agent("standby_check_command", "true", "run_online_check", "no"));

            assertThat(clock.sleeps()).contains(STANDBY_WAIT);
        }

        @Test
        void theDeadCheckOffStillWaitsOnTheStandbyNode() throws Exception {
            runner.answer(STANDBY_CHECK, 1, "");

            FenceResult result = reset(agent("run_dead_check", "no", "standby_check_command", "true",
                    "run_online_check", "no"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(clock.sleeps()).containsExactly(STANDBY_WAIT);
        }

        @Test
        void aWaitLongerThanTheDeadlineEndsInTimeBeforeTheDeadline() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 1, "");
            HelperAgent agent = agent("standby_check_command", "true", "run_online_check", "no");

            FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(10), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.message()).contains("standby wait reached the level's deadline");
            assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10).minus(HelperAgent.RESERVE));
        }
    }

    @Nested
    class OnlineCheck {
        /** A reset of pm02 by {@code agent} on the standby node (its standby check fails), pm02 answering. */
        private FenceResult resetOnTheStandbyNode(HelperAgent agent) throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 1, "");
            return reset(agent);
        }

        @Test
        void aTargetStillOnlineIsNotWaitedFor() throws Exception {
            runner.answer("crm_node -p", 0, "pm01 PM02\n");

            FenceResult result = resetOnTheStandbyNode(agent("standby_check_command", "true"));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(clock.sleeps()).doesNotContain(STANDBY_WAIT);
        }

        @Test
        void aTargetNotInThePartitionIsWaitedFor() throws Exception {
            runner.answer("crm_node -p", 0, "pm01 pm022\n");

            resetOnTheStandbyNode(agent("standby_check_command", "true"));

            assertThat(runner.count("crm_node -p")).isEqualTo(1);
            assertThat(clock.sleeps()).contains(STANDBY_WAIT);
        }

        @Test
        void crmNodeMissingMeansUnknownAfterTheRetriesAndTheWaitHappens() throws Exception {
            resetOnTheStandbyNode(agent("standby_check_command", "true", "online_check_retry_max", "3"));

            assertThat(runner.count("crm_node -p")).isEqualTo(3);
            assertThat(clock.sleeps()).containsSubsequence(Duration.ofSeconds(1), Duration.ofSeconds(1), STANDBY_WAIT);
        }

        @Test
        void crmNodeFailingMeansUnknownAndTheWaitHappens() throws Exception {
            runner.answer("crm_node -p", 1, "");

            resetOnTheStandbyNode(agent("standby_check_command", "true"));

            assertThat(runner.count("crm_node -p")).isEqualTo(5);
            assertThat(clock.sleeps()).contains(STANDBY_WAIT);
        }

        @Test
        void theActiveNodeNeverAsks() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 0, "");

            reset(agent("standby_check_command", "true"));

            assertThat(runner.count("crm_node -p")).isZero();
        }
    }

    @Nested
    class QuorumCheck {
        private HelperAgent agentWithQuorumCheck() throws Exception {
            probe.on(A, ANSWER).on(B, ANSWER);
            return agent("run_standby_wait", "no", "run_quorum_check", "yes", "quorum_check_wait_time", "10");
        }

        @Test
        void withoutQuorumItFailsInsteadOfUpstreamsSuccess() throws Exception {
            runner.answer("crm_node -q", 0, "0\n");

            FenceResult result = reset(agentWithQuorumCheck());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains("no quorum", "pm02 is NOT confirmed dead",
                    "fails rather than report success");
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(10));
        }

        @Test
        void withQuorumTheNextLevelRuns() throws Exception {
            runner.answer("crm_node -q", 0, "1\n");

            FenceResult result = reset(agentWithQuorumCheck());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        }

        @Test
        void anUnknownQuorumLetsTheNextLevelRun() throws Exception {
            FenceResult result = reset(agentWithQuorumCheck());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(runner.calls()).containsExactly("crm_node -q");
        }

        @Test
        void aWaitLongerThanTheDeadlineIsATimeout() throws Exception {
            HelperAgent agent = agentWithQuorumCheck();

            FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(5), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.message()).contains("quorum check wait reached the level's deadline");
            assertThat(runner.calls()).isEmpty();
        }

        @Test
        void isOffByDefault() throws Exception {
            probe.on(A, ANSWER);

            reset(agent("run_standby_wait", "no"));

            assertThat(runner.calls()).isEmpty();
        }

        @Test
        void aDeadTargetSucceedsWithoutAskingForQuorum() throws Exception {
            reset(agent("run_standby_wait", "no", "run_quorum_check", "yes"));

            assertThat(runner.calls()).isEmpty();
            assertThat(clock.sleeps()).doesNotContain(Duration.ofSeconds(10));
        }
    }

    @Nested
    class Interruption {
        @Test
        void stopsTheProbesAndReturnsPromptly() throws Exception {
            probe.on(A, HANG).on(B, HANG);
            HelperAgent agent = agent("run_standby_wait", "no");
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    outcome.set(reset(agent));
                } catch (InterruptedException e) {
                    outcome.set(e);
                }
            });
            caller.start();
            assertThat(probe.awaitHanging(2)).isTrue();

            caller.interrupt();
            caller.join(Duration.ofSeconds(30).toMillis());

            assertThat(caller.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            assertThat(probe.wasInterrupted(A)).isTrue();
            assertThat(probe.wasInterrupted(B)).isTrue();
        }

        @Test
        void stopsTheStandbyWait() throws Exception {
            probe.on(A, ANSWER);
            runner.answer(STANDBY_CHECK, 1, "");
            java.util.concurrent.CountDownLatch waiting = clock.holdSleeps();
            HelperAgent agent = new HelperAgent(TestParameters.settings("hostlist", "pm02", "dead_check_target", A,
                    "standby_check_command", "true", "run_online_check", "no"), probe, runner);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    outcome.set(agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(60), clock)));
                } catch (InterruptedException e) {
                    outcome.set(e);
                }
            });
            caller.start();
            assertThat(waiting.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            caller.interrupt();
            caller.join(Duration.ofSeconds(30).toMillis());

            assertThat(caller.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Nested
    class OtherActions {
        @Test
        void onAlwaysFails() throws Exception {
            FenceResult result = agent("run_standby_wait", "no").execute(FenceAction.ON, "pm02",
                    Deadline.after(Duration.ofSeconds(60), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(probe.tries(A)).isZero();
        }

        @Test
        void statusAndMonitorReportAValidConfigurationWithoutProbing() throws Exception {
            HelperAgent agent = agent("run_standby_wait", "no");

            assertThat(agent.execute(FenceAction.STATUS, "pm02", Deadline.after(Duration.ofSeconds(60), clock)).outcome())
                    .isEqualTo(Outcome.SUCCESS);
            assertThat(agent.execute(FenceAction.MONITOR, null, Deadline.after(Duration.ofSeconds(60), clock)).outcome())
                    .isEqualTo(Outcome.SUCCESS);
            assertThat(probe.tries(A)).isZero();
        }

        @Test
        void monitorFailsNamingEachAddressThisHostCannotReach() throws Exception {
            probe.unreachable(A, "this host has no route to it (Network is unreachable)")
                    .unreachable(B, "interface eth1 is down");

            FenceResult result = agent("run_standby_wait", "no").execute(FenceAction.MONITOR, null,
                    Deadline.after(Duration.ofSeconds(60), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).isEqualTo("dead_check_target " + A + ": this host has no route to it (Network"
                    + " is unreachable); dead_check_target " + B + ": interface eth1 is down; silence from such an address"
                    + " would prove nothing, so the helper could never find pm02 dead");
            assertThat(probe.tries(A)).isZero();
        }

        @Test
        void listIsTheHostlist() throws Exception {
            HelperAgent agent = new HelperAgent(TestParameters.settings("hostlist", "pm01, pm02",
                    "dead_check_target", A, "run_standby_wait", "no"), probe, runner);

            // list is the adapters' (FenceAgentsCommand, ExternalPlugin): the same for every agent
            assertThat(agent.targets()).containsExactly("pm01", "pm02");
        }

        @Test
        void aTargetOutsideTheHostlistIsNeverDeclaredDead() throws Exception {
            FenceResult result = agent("run_standby_wait", "no").execute(FenceAction.RESET, "pm01",
                    Deadline.after(Duration.ofSeconds(60), clock));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(result.message()).contains("not pm01");
            assertThat(probe.tries(A)).isZero();
        }
    }
}
