package org.fence4j.ipmi.command;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Close Session (App 3Ch) of the BMC's session id. */
public record CloseSession(int bmcSessionId) implements Command<Void> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x3c;
    }

    @Override
    public byte[] data() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bmcSessionId).array();
    }

    @Override
    public String name() {
        return "Close Session";
    }

    @Override
    public Void parse(byte[] data) {
        return null;
    }
}
