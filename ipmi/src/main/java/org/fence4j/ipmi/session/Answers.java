package org.fence4j.ipmi.session;

import java.util.Optional;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.command.CommandFailedException;
import org.fence4j.ipmi.command.CompletionCode;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
import org.fence4j.ipmi.rmcp.IpmiResponse;
import org.fence4j.ipmi.rmcp.MalformedPacketException;

/** Matching IPMI answers to requests and turning them into results. */
final class Answers {
    private Answers() {
    }

    static IpmiRequest request(Command<?> c, int rqSeq) {
        return new IpmiRequest(c.netFn(), c.command(), rqSeq & 0x3f, c.data());
    }

    /** The response in {@code message} if it answers {@code request}. */
    static Optional<IpmiResponse> matching(byte[] message, IpmiRequest request) {
        Optional<IpmiResponse> r = response(message);
        return r.isPresent() && r.get().answers(request) ? r : Optional.empty();
    }

    /** The response in {@code message}, if it is one. */
    static Optional<IpmiResponse> response(byte[] message) {
        try {
            return Optional.of(IpmiMessageCodec.decodeResponse(message));
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
    }

    static <T> T result(Command<T> c, IpmiResponse r) {
        if (r.completionCode() != CompletionCode.OK) {
            throw new CommandFailedException(c.name(), r.completionCode());
        }
        return c.parse(r.data());
    }
}
