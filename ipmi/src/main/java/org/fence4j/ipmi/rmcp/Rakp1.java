package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** RAKP Message 1 (payload 0x12): console random Rm, requested role, user name. */
public record Rakp1(int tag, int bmcSessionId, byte[] rm, int role, byte[] userName) {

    public byte[] encode() {
        ByteBuffer b = Bytes.writer(28 + userName.length).put((byte) tag).put(new byte[3]).putInt(bmcSessionId).put(rm)
                .put((byte) role).putShort((short) 0).put((byte) userName.length).put(userName);
        return b.array();
    }

    public static Rakp1 decode(byte[] p) throws MalformedPacketException {
        ByteBuffer b = Bytes.reader(p, 28, "RAKP 1");
        int tag = b.get() & 0xff;
        b.get(new byte[3]);
        int bmc = b.getInt();
        byte[] rm = Bytes.take(b, 16);
        int role = b.get() & 0xff;
        b.getShort();
        int length = b.get() & 0xff;
        if (length > 16 || b.remaining() < length) {
            throw new MalformedPacketException("RAKP 1 user name length " + length + " is invalid");
        }
        return new Rakp1(tag, bmc, rm, role, Bytes.take(b, length));
    }
}
