package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.fence4j.ipmi.crypto.IntegrityKey;

/** RMCP header, IPMI 1.5 and 2.0 session headers and the integrity trailer, as pure functions. */
public final class RmcpCodec {
    private static final byte[] RMCP_HEADER = {0x06, 0x00, (byte) 0xff, 0x07};
    private static final int AUTH_TYPE_NONE = 0x00;
    private static final int AUTH_TYPE_RMCP_PLUS = 0x06;
    private static final int NEXT_HEADER = 0x07;
    /** Where the signed part of a 2.0 packet starts: the auth type byte. */
    public static final int SIGNED_FROM = RMCP_HEADER.length;

    private RmcpCodec() {
    }

    public static byte[] encode(Ipmi15Packet p) {
        ByteBuffer b = le(RMCP_HEADER.length + 10 + p.message().length);
        b.put(RMCP_HEADER).put((byte) AUTH_TYPE_NONE).putInt(p.sequence()).putInt(p.sessionId())
                .put((byte) p.message().length).put(p.message());
        return b.array();
    }

    /** Encodes a 2.0 packet; when it is authenticated, {@code k1} signs it. */
    public static byte[] encode(SessionPacket p, IntegrityKey k1) {
        int headerAndPayload = 12 + p.payload().length;
        int pad = p.authenticated() ? pad(headerAndPayload) : 0;
        int trailer = p.authenticated() ? pad + 2 + k1.authCodeLength() : 0;
        ByteBuffer b = le(RMCP_HEADER.length + headerAndPayload + trailer);
        b.put(RMCP_HEADER).put((byte) AUTH_TYPE_RMCP_PLUS)
                .put((byte) ((p.encrypted() ? 0x80 : 0) | (p.authenticated() ? 0x40 : 0) | p.type().code()))
                .putInt(p.sessionId()).putInt(p.sequence()).putShort((short) p.payload().length).put(p.payload());
        if (p.authenticated()) {
            for (int i = 0; i < pad; i++) {
                b.put((byte) 0xff);
            }
            b.put((byte) pad).put((byte) NEXT_HEADER);
            b.put(k1.authCode(b.array(), SIGNED_FROM, b.position()));
        }
        return b.array();
    }

    /**
     * Decodes a datagram. The auth code of an authenticated 2.0 packet is not checked here:
     * see {@link IntegrityKey#verify(byte[], int)} with {@link #SIGNED_FROM}.
     */
    public static RmcpPacket decode(byte[] datagram) throws MalformedPacketException {
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        need(b, 5, "RMCP header");
        byte[] rmcp = new byte[4];
        b.get(rmcp);
        if (!Arrays.equals(rmcp, RMCP_HEADER)) {
            throw new MalformedPacketException("not an RMCP IPMI datagram");
        }
        int authType = b.get() & 0xff;
        if (authType == AUTH_TYPE_RMCP_PLUS) {
            return decode20(b);
        }
        if (authType != AUTH_TYPE_NONE) {
            throw new MalformedPacketException("IPMI 1.5 authentication type " + authType + " is not spoken");
        }
        need(b, 9, "IPMI 1.5 session header");
        int sequence = b.getInt();
        int sessionId = b.getInt();
        int length = b.get() & 0xff;
        need(b, length, "IPMI 1.5 message");
        byte[] message = new byte[length];
        b.get(message);
        return new Ipmi15Packet(sequence, sessionId, message);
    }

    private static SessionPacket decode20(ByteBuffer b) throws MalformedPacketException {
        need(b, 11, "RMCP+ session header");
        int typeByte = b.get() & 0xff;
        Optional<PayloadType> known = PayloadType.byCode(typeByte & 0x3f);
        if (known.isEmpty()) {
            throw new MalformedPacketException("unknown payload type 0x" + Integer.toHexString(typeByte & 0x3f));
        }
        PayloadType type = known.get();
        int sessionId = b.getInt();
        int sequence = b.getInt();
        int length = b.getShort() & 0xffff;
        need(b, length, "RMCP+ payload");
        byte[] payload = new byte[length];
        b.get(payload);
        boolean authenticated = (typeByte & 0x40) != 0;
        if (authenticated) {
            int pad = pad(12 + length);
            need(b, pad + 2, "integrity trailer");
            for (int i = 0; i < pad; i++) {
                if (b.get() != (byte) 0xff) {
                    throw new MalformedPacketException("integrity pad is not FF");
                }
            }
            if ((b.get() & 0xff) != pad || (b.get() & 0xff) != NEXT_HEADER) {
                throw new MalformedPacketException("integrity trailer pad length or next header wrong");
            }
        }
        return new SessionPacket(type, (typeByte & 0x80) != 0, authenticated, sessionId, sequence, payload);
    }

    /** FF bytes that make auth type .. next header a multiple of 4. */
    private static int pad(int headerAndPayload) {
        return (4 - (headerAndPayload + 2) % 4) % 4;
    }

    private static void need(ByteBuffer b, int n, String what) throws MalformedPacketException {
        if (b.remaining() < n) {
            throw new MalformedPacketException(what + " truncated");
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
