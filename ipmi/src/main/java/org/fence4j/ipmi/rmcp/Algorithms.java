package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;

/** The three 8-byte algorithm payloads of Open Session: {@code type 00 00 08 alg 00 00 00}. */
final class Algorithms {
    private Algorithms() {
    }

    static void put(ByteBuffer b, int... algorithms) {
        for (int type = 0; type < 3; type++) {
            b.put((byte) type).putShort((short) 0).put((byte) 8).put((byte) algorithms[type]).put(new byte[3]);
        }
    }

    static int[] get(ByteBuffer b) throws MalformedPacketException {
        int[] algorithms = new int[3];
        for (int type = 0; type < 3; type++) {
            if ((b.get() & 0xff) != type) {
                throw new MalformedPacketException("algorithm payloads out of order");
            }
            b.getShort();
            b.get();
            algorithms[type] = b.get() & 0x3f;
            b.get(new byte[3]);
        }
        return algorithms;
    }
}
