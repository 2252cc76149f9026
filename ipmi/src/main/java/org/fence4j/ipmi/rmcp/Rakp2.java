package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** RAKP Message 2 (payload 0x13): BMC random Rc, BMC GUID and the key exchange auth code. */
public record Rakp2(int tag, int status, int consoleSessionId, byte[] rc, byte[] guid, byte[] authCode) {

    public static Rakp2 error(int tag, int status, int consoleSessionId) {
        return new Rakp2(tag, status, consoleSessionId, new byte[0], new byte[0], new byte[0]);
    }

    public byte[] encode() {
        return Bytes.writer(8 + rc.length + guid.length + authCode.length).put((byte) tag).put((byte) status)
                .putShort((short) 0).putInt(consoleSessionId).put(rc).put(guid).put(authCode).array();
    }

    public static Rakp2 decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 2, "RAKP 2");
        int tag = b.get() & 0xff;
        int status = b.get() & 0xff;
        if (status != 0) {
            return error(tag, status, p.length >= 8 ? b.getInt(4) : 0);
        }
        Bytes.reader(p, 40, "RAKP 2");
        b.getShort();
        int console = b.getInt();
        return new Rakp2(tag, status, console, Bytes.take(b, 16), Bytes.take(b, 16), Bytes.rest(b));
    }
}
