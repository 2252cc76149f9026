package org.fence4j.ipmi.session;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.CloseSession;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
import org.fence4j.ipmi.rmcp.IpmiResponse;

/** An active RMCP+ session: runs one command at a time in the calling thread, and is closed once, on every path. */
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

    /**
     * Sends a command and returns its result, resending only if it is {@link Command#resendable()};
     * throws {@link IpmiException} (an error completion code, no answer, an interrupt).
     */
    public <T> T execute(Command<T> command, Deadline deadline) {
        IpmiRequest request = Answers.request(command, rqSeq.incrementAndGet());
        IpmiResponse response = exchange(command.name(), request, command.resendable() ? retry : retry.once(), deadline);
        T result;
        try {
            result = Answers.result(command, response);
        } catch (IpmiException e) {
            ProtocolSteps.say("ipmi", "{} -> {}", command.name(), e.getMessage());
            throw e;
        }
        if (ProtocolSteps.on()) {
            ProtocolSteps.say("ipmi", "{} -> {}", command.name(), command.words(result));
        }
        return result;
    }

    /** Closes the session at the BMC (best effort, bounded: never throws) and releases the path; idempotent. */
    public void close(Deadline deadline) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Deadline bounded = deadline.expired() ? Deadline.after(CLOSE_BUDGET, deadline.clock()) : deadline.atMost(CLOSE_BUDGET);
        try {
            exchange("Close Session", closeRequest(), retry.atMostTries(2), bounded);
            ProtocolSteps.say("ipmi", "Close Session -> ok");
        } catch (RuntimeException e) {
            // the BMC drops idle sessions itself
            ProtocolSteps.say("ipmi", "Close Session -> {} (the BMC drops idle sessions itself)", e.getMessage());
        } finally {
            exchanger.close();
        }
    }

    /** Each try is sealed afresh: the same rqSeq, a new session sequence number. */
    private IpmiResponse exchange(String what, IpmiRequest request, RetryPolicy policy, Deadline deadline) {
        byte[] message = IpmiMessageCodec.encode(request);
        return exchanger.exchange(what, attempt -> crypto.seal(message), datagram -> judge(datagram, request), policy,
                deadline);
    }

    /**
     * Gives up on a session that stopped answering: Close Session is sent once, without waiting
     * for an answer that is not likely to come, and the path is released; idempotent.
     */
    public void abandon() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ProtocolSteps.say("ipmi", "Close Session sent once, not waited for: the session stopped answering");
        exchanger.send(crypto.seal(IpmiMessageCodec.encode(closeRequest())));
        exchanger.close();
    }

    private IpmiRequest closeRequest() {
        return Answers.request(new CloseSession(bmcSessionId), rqSeq.incrementAndGet());
    }

    /** Authentic answers to {@code request} are accepted; the rest (forged, replayed, duplicated, late) is ignored. */
    private Reply<IpmiResponse> judge(byte[] datagram, IpmiRequest request) {
        Optional<byte[]> message = crypto.open(datagram);
        Optional<IpmiResponse> answer = message.isPresent() ? Answers.matching(message.get(), request) : Optional.empty();
        return answer.isPresent() ? Reply.accepted(answer.get()) : Reply.ignored();
    }
}
