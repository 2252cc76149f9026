package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.junit.jupiter.api.Test;

class AgentCallTest {

    @Test
    void returnsWhatTheAgentAnswers() throws Exception {
        FenceAgent agent = agent((action, target, deadline) -> FenceResult.power(PowerState.OFF, target + " is off"));
        assertThat(AgentCall.execute(agent, FenceAction.OFF, "pm02", Deadline.after(Duration.ofSeconds(5))))
                .isEqualTo(FenceResult.power(PowerState.OFF, "pm02 is off"));
    }

    /** What the protocol adapters (external plugin, fence_* command) get: the same guard as the chain. */
    @Test
    void aSuccessWithoutTheProofItsActionNeedsIsAFailure() throws Exception {
        FenceAgent agent = agent((action, target, deadline) -> FenceResult.success(target + " was power-cycled"));
        Deadline deadline = Deadline.after(Duration.ofSeconds(5));
        assertThat(AgentCall.execute(agent, FenceAction.RESET, "pm02", deadline))
                .isEqualTo(FenceResult.failure("reported success without proof: pm02 was power-cycled"));
        assertThat(AgentCall.execute(agent, FenceAction.ON, "pm02", deadline).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(AgentCall.execute(agent, FenceAction.MONITOR, "pm02", deadline).outcome())
                .isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void anAgentThatOverrunsItsDeadlineIsInterruptedAndCountsAsTimeout() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        FenceAgent agent = agent((action, target, deadline) -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                return FenceResult.success("never");
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });

        FenceResult result = AgentCall.execute(agent, FenceAction.RESET, "pm02", Deadline.after(Duration.ZERO));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.message()).isEqualTo("reset did not finish within its time limit");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAgentThatThrowsCountsAsFailureNamingTheProblem() throws Exception {
        FenceAgent agent = agent((action, target, deadline) -> {
            throw new IllegalStateException("socket closed");
        });

        FenceResult result = AgentCall.execute(agent, FenceAction.OFF, "pm02", Deadline.after(Duration.ofSeconds(5)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).isEqualTo("off failed: IllegalStateException: socket closed");
    }

    interface Execute {
        FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException;
    }

    private static FenceAgent agent(Execute body) {
        return new FenceAgent() {
            @Override
            public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
                return body.execute(action, target, deadline);
            }

            @Override
            public List<String> targets() {
                return List.of("pm02");
            }
        };
    }
}
