package org.fence4j.agents.protocol;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;

/**
 * Runs one agent action for a protocol adapter and guarantees an answer: an agent that overruns
 * its deadline is interrupted and the call counts as TIMEOUT; an agent that throws counts as
 * FAILURE. Neither is ever reported as success.
 */
public final class AgentCall {
    /** How long an agent may overrun its deadline before it is interrupted, and again before it is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private AgentCall() {
    }

    public static FenceResult execute(FenceAgent agent, FenceAction action, String target, Deadline deadline)
            throws InterruptedException {
        FutureTask<FenceResult> task = new FutureTask<>(() -> agent.execute(action, target, deadline));
        Thread worker = new Thread(task, "fence4j-" + action.word());
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(deadline.remaining().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            worker.join(GRACE.toMillis());
            return FenceResult.timeout(action.word() + " did not finish within its time limit");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                return FenceResult.timeout(action.word() + " was interrupted");
            }
            return FenceResult.failure(action.word() + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } finally {
            task.cancel(true);
        }
    }
}
