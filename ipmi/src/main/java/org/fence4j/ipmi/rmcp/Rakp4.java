package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** RAKP Message 4 (payload 0x15): the BMC's integrity check value over Rm, its session id and GUID. */
public record Rakp4(int tag, int status, int consoleSessionId, byte[] icv) {

    public byte[] encode() {
        return Bytes.writer(8 + icv.length).put((byte) tag).put((byte) status).putShort((short) 0)
                .putInt(consoleSessionId).put(icv).array();
    }

    public static Rakp4 decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 2, "RAKP 4");
        int tag = b.get() & 0xff;
        int status = b.get() & 0xff;
        if (p.length < 8) {
            return new Rakp4(tag, status, 0, new byte[0]);
        }
        b.getShort();
        return new Rakp4(tag, status, b.getInt(), Bytes.rest(b));
    }
}
