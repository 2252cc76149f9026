package org.fence4j.ipmi.command;

import java.util.Arrays;

/** Get Device GUID (App 37h): 16 bytes, returned as sent. */
public record GetDeviceGuid() implements Command<byte[]> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x37;
    }

    @Override
    public byte[] data() {
        return new byte[0];
    }

    @Override
    public String name() {
        return "Get Device GUID";
    }

    @Override
    public byte[] parse(byte[] data) {
        Answers.need(data, 16, name());
        return Arrays.copyOf(data, 16);
    }
}
