package org.fence4j.agents.chain;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.slf4j.LoggerFactory;

/**
 * Runs agent work on its own thread and guarantees an answer in time: work that overruns is
 * interrupted and counts as TIMEOUT; work that throws counts as FAILURE. Neither is ever
 * reported as success, nor is a success without the proof its action needs ({@link ProofGuard}).
 * An interrupt of the caller cancels the work and is passed on.
 */
public final class AgentCall {
    /** How long a protocol call may overrun its deadline, and how long cancelled work gets to stop. */
    public static final Duration GRACE = Duration.ofSeconds(2);

    private AgentCall() {
    }

    /** One action of a protocol adapter: the agent may overrun its deadline by {@link #GRACE} to answer itself. */
    public static FenceResult execute(FenceAgent agent, FenceAction action, String target, Deadline deadline)
            throws InterruptedException {
        return run(action, "fence4j-" + action.word(), () -> agent.execute(action, target, deadline),
                deadline.remaining().plus(GRACE), action.word() + " did not finish within its time limit");
    }

    /**
     * Runs {@code work} on a daemon thread named {@code threadName}, waiting at most {@code limit};
     * past it, the work is interrupted and the answer is TIMEOUT with {@code timeoutMessage}.
     */
    public static FenceResult run(FenceAction action, String threadName, Callable<FenceResult> work, Duration limit,
            String timeoutMessage) throws InterruptedException {
        FutureTask<FenceResult> task = new FutureTask<>(work);
        Thread worker = new Thread(task, threadName);
        worker.setDaemon(true);
        worker.start();
        try {
            return ProofGuard.check(action, task.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            stop(task, worker);
            return FenceResult.timeout(timeoutMessage);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return FenceResult.failure(action.word() + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            stop(task, worker);
            throw e;
        }
    }

    private static void stop(FutureTask<FenceResult> task, Thread worker) {
        task.cancel(true);
        try {
            worker.join(GRACE.toMillis());
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LoggerFactory.getLogger(AgentCall.class).warn("{} did not stop within {} of being cancelled; going on"
                    + " without it.", worker.getName(), GRACE);
        }
    }
}
