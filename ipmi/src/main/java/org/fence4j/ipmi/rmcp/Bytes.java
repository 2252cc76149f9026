package org.fence4j.ipmi.rmcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian buffers with length checks that raise {@link MalformedPacketException}. */
final class Bytes {
    private Bytes() {
    }

    static ByteBuffer writer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer reader(byte[] payload, int minLength, String what) throws MalformedPacketException {
        if (payload.length < minLength) {
            throw new MalformedPacketException(what + " of " + payload.length + " bytes is too short");
        }
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    static byte[] rest(ByteBuffer b) {
        return take(b, b.remaining());
    }
}
