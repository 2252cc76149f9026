package org.fence4j.ipmi.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.command.CloseSession;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
import org.fence4j.ipmi.rmcp.IpmiResponse;

/** An active RMCP+ session: runs one command at a time, and is closed once, on every path. */
public final class Session {
    /** Close Session gets this long at most: the BMC drops idle sessions anyway. */
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(1);

    private final Exchanger exchanger;
    private final SessionCrypto crypto;
    private final int bmcSessionId;
    private final RetryPolicy retry;
    private final AtomicInteger rqSeq = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    Session(Exchanger exchanger, SessionCrypto crypto, int bmcSessionId, RetryPolicy retry) {
        this.exchanger = exchanger;
        this.crypto = crypto;
        this.bmcSessionId = bmcSessionId;
        this.retry = retry;
    }

    public CipherSuite cipherSuite() {
        return crypto.suite();
    }

    /** Sends a command, resending only if it is {@link Command#resendable()}. */
    public <T> CompletableFuture<T> execute(Command<T> command, Deadline deadline) {
        IpmiRequest request = Answers.request(command, rqSeq.incrementAndGet());
        byte[] message = IpmiMessageCodec.encode(request);
        // each try is sealed afresh: same rqSeq, new session sequence number
        return exchanger.exchange(command.name(), attempt -> crypto.seal(message),
                datagram -> judge(datagram, request), command.resendable() ? retry : retry.once(), deadline)
                .thenApply(response -> Answers.result(command, response));
    }

    /** Closes the session at the BMC (best effort, bounded) and releases the path; idempotent. */
    public CompletableFuture<Void> close(Deadline deadline) {
        if (!closed.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        Deadline bounded = deadline.expired() ? Deadline.after(CLOSE_BUDGET, deadline.ticker()) : deadline.atMost(CLOSE_BUDGET);
        RetryPolicy closeRetry = retry.atMostTries(2);
        IpmiRequest request = closeRequest();
        byte[] message = IpmiMessageCodec.encode(request);
        return exchanger.exchange("Close Session", attempt -> crypto.seal(message),
                        datagram -> judge(datagram, request), closeRetry, bounded)
                .handle((answer, failure) -> {
                    exchanger.close();
                    return null;
                });
    }

    /**
     * Gives up on a session that stopped answering: Close Session is sent once, without waiting
     * for an answer that is not likely to come, and the path is released; idempotent.
     */
    public void abandon() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        exchanger.send(crypto.seal(IpmiMessageCodec.encode(closeRequest())));
        exchanger.close();
    }

    private IpmiRequest closeRequest() {
        return Answers.request(new CloseSession(bmcSessionId), rqSeq.incrementAndGet());
    }

    /** Authentic answers to {@code request} are accepted; the rest (forged, replayed, duplicated, late) is ignored. */
    private Reply<IpmiResponse> judge(byte[] datagram, IpmiRequest request) {
        return crypto.open(datagram).flatMap(m -> Answers.matching(m, request)).map(Reply::accepted).orElseGet(Reply::ignored);
    }
}
