package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/**
 * RMCP+ Open Session Response (payload 0x11). An error answer ({@code status != 0}) may stop
 * after the console session id; its other fields are then 0.
 */
public record OpenSessionResponse(int tag, int status, int maxPrivilege, int consoleSessionId, int bmcSessionId,
        int authentication, int integrity, int confidentiality) {

    public static OpenSessionResponse error(int tag, int status, int consoleSessionId) {
        return new OpenSessionResponse(tag, status, 0, consoleSessionId, 0, 0, 0, 0);
    }

    public byte[] encode() {
        if (status != 0) {
            return Bytes.writer(8).put((byte) tag).put((byte) status).putShort((short) 0).putInt(consoleSessionId).array();
        }
        ByteBuffer b = Bytes.writer(36).put((byte) tag).put((byte) status).put((byte) maxPrivilege).put((byte) 0)
                .putInt(consoleSessionId).putInt(bmcSessionId);
        Algorithms.put(b, authentication, integrity, confidentiality);
        return b.array();
    }

    public static OpenSessionResponse decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 2, "Open Session Response");
        int tag = b.get() & 0xff;
        int status = b.get() & 0xff;
        if (status != 0) {
            int console = p.length >= 8 ? b.getInt(4) : 0;
            return error(tag, status, console);
        }
        Bytes.reader(p, 36, "Open Session Response");
        int priv = b.get() & 0x0f;
        b.get();
        int console = b.getInt();
        int bmc = b.getInt();
        int[] algs = Algorithms.get(b);
        return new OpenSessionResponse(tag, status, priv, console, bmc, algs[0], algs[1], algs[2]);
    }
}
