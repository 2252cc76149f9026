package org.fence4j.ipmi.agent;

import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Session;

/**
 * The agent's blocking view of a session to one BMC: the edge where waiting is allowed. Given a
 * way to log in, it outlives the session: a request that may be sent twice and gets no answer
 * (the BMC restarted and forgot the session, or the network lost every try) is run again on a
 * fresh session, within the deadline. A power cycle or hard reset never is: its caller gets the
 * {@link NoAnswerException} and reads the power instead, which logs in again if need be.
 */
final class BlockingSession implements AutoCloseable {
    /** Fresh sessions one BlockingSession may open: enough for a BMC restart or two, bounded all the same. */
    private static final int MOST_LOGINS = 4;

    /** Opens a fresh session, done by {@code by}. */
    @FunctionalInterface
    interface Login {
        Session open(Deadline by) throws InterruptedException;
    }

    private final Deadline deadline;
    private final Login login;
    private Session session;
    private int logins;
    private boolean interrupted;

    /** A session that is not replaced when it stops answering. */
    BlockingSession(Session session, Deadline deadline) {
        this(session, deadline, null);
    }

    /** A session replaced through {@code login} when it stops answering requests that may be resent. */
    BlockingSession(Session session, Deadline deadline, Login login) {
        this.session = session;
        this.deadline = deadline;
        this.login = login;
    }

    Deadline deadline() {
        return deadline;
    }

    /** Runs {@code command}, answered by {@code by} (never later than this session's deadline). */
    <T> T run(Command<T> command, Deadline by) throws InterruptedException {
        try {
            while (true) {
                try {
                    return session.execute(command, by);
                } catch (NoAnswerException e) {
                    throwIfInterrupted();
                    if (login == null || !command.resendable() || logins >= MOST_LOGINS || by.expired()) {
                        throw e;
                    }
                    loginAgain(e, by);
                } catch (IpmiException e) {
                    throwIfInterrupted();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        }
    }

    /** An exchange gives up at an interrupt, which is kept: it is the reason, not its failure. */
    private static void throwIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for the BMC");
        }
    }

    /** Replaces the silent session by a fresh one; the old one is abandoned, not waited for. */
    private void loginAgain(NoAnswerException silence, Deadline by) throws InterruptedException {
        logins++;
        session.abandon();
        try {
            session = login.open(by);
        } catch (NoAnswerException e) {
            throw new NoAnswerException(silence.getMessage() + "; logging in again: " + e.getMessage());
        } catch (IpmiException e) {
            throw new IpmiException(silence.getMessage() + "; logging in again: " + e.getMessage(), e);
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
            session.abandon();
            return;
        }
        session.close(deadline);
    }
}
