package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** RAKP Message 3 (payload 0x14): the console's proof that it knows the password. */
public record Rakp3(int tag, int status, int bmcSessionId, byte[] authCode) {

    public byte[] encode() {
        return Bytes.writer(8 + authCode.length).put((byte) tag).put((byte) status).putShort((short) 0)
                .putInt(bmcSessionId).put(authCode).array();
    }

    public static Rakp3 decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 8, "RAKP 3");
        int tag = b.get() & 0xff;
        int status = b.get() & 0xff;
        b.getShort();
        return new Rakp3(tag, status, b.getInt(), Bytes.rest(b));
    }
}
