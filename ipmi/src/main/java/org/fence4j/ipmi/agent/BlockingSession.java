package org.fence4j.ipmi.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Session;

/** The agent's blocking view of one session: the edge where waiting is allowed. */
final class BlockingSession implements AutoCloseable {
    /** The client honours the deadline itself; this only guards against a lost completion. */
    private static final long GRACE_MILLIS = 500;

    private final Session session;
    private final Deadline deadline;
    private boolean interrupted;

    BlockingSession(Session session, Deadline deadline) {
        this.session = session;
        this.deadline = deadline;
    }

    static <T> T await(CompletableFuture<T> future, Deadline deadline) throws InterruptedException {
        try {
            return future.get(deadline.remainingMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IpmiException i) {
                throw i;
            }
            throw new IpmiException("IPMI request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new NoAnswerException("no answer from the BMC within the deadline");
        }
    }

    Deadline deadline() {
        return deadline;
    }

    /** Runs {@code command}, answered by {@code by} (never later than this session's deadline). */
    <T> T run(Command<T> command, Deadline by) throws InterruptedException {
        try {
            return await(session.execute(command, by), by);
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        }
    }

    boolean powerOn() throws InterruptedException {
        return powerOn(deadline);
    }

    /** Reads the power with Get Chassis Status, answered by {@code by}. */
    boolean powerOn(Deadline by) throws InterruptedException {
        return run(new GetChassisStatus(), by).powerOn();
    }

    void control(ChassisControl.Action action) throws InterruptedException {
        control(action, deadline);
    }

    void control(ChassisControl.Action action, Deadline by) throws InterruptedException {
        run(new ChassisControl(action), by);
    }

    /** Closes the session at the BMC, bounded; never throws; after an interrupt, does not wait. */
    @Override
    public void close() {
        if (interrupted) {
            session.close(deadline);
            return;
        }
        try {
            session.close(deadline).get(deadline.remainingMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the close is best effort: the BMC drops idle sessions itself
        }
    }
}
