package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** RMCP+ Open Session Request (payload 0x10). Algorithms are the numbers of the three payloads. */
public record OpenSessionRequest(int tag, int maxPrivilege, int consoleSessionId, int authentication,
        int integrity, int confidentiality) {

    public byte[] encode() {
        ByteBuffer b = Bytes.writer(32).put((byte) tag).put((byte) maxPrivilege).putShort((short) 0).putInt(consoleSessionId);
        Algorithms.put(b, authentication, integrity, confidentiality);
        return b.array();
    }

    public static OpenSessionRequest decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 32, "Open Session Request");
        int tag = b.get() & 0xff;
        int priv = b.get() & 0x0f;
        b.getShort();
        int console = b.getInt();
        int[] algs = Algorithms.get(b);
        return new OpenSessionRequest(tag, priv, console, algs[0], algs[1], algs[2]);
    }
}
