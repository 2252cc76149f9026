package org.fence4j.ipmi.rmcp;

/**
 * An IPMI 2.0 (RMCP+) session packet. {@code payload} is as on the wire: encrypted when
 * {@code encrypted}. The trailer's auth code, when {@code authenticated}, is made and checked
 * by {@link RmcpCodec}.
 */
public record SessionPacket(PayloadType type, boolean encrypted, boolean authenticated, int sessionId,
        int sequence, byte[] payload) implements RmcpPacket {

    /** A session-setup message: session id 0, sequence 0, in clear. */
    public static SessionPacket setup(PayloadType type, byte[] payload) {
        return new SessionPacket(type, false, false, 0, 0, payload);
    }
}
