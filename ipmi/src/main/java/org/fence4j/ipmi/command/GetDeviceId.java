package org.fence4j.ipmi.command;

/** Get Device ID (App 01h). */
public record GetDeviceId() implements Command<DeviceId> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x01;
    }

    @Override
    public byte[] data() {
        return new byte[0];
    }

    @Override
    public String name() {
        return "Get Device ID";
    }

    @Override
    public DeviceId parse(byte[] d) {
        Answers.need(d, 11, name());
        int manufacturer = (d[6] & 0xff) | (d[7] & 0xff) << 8 | (d[8] & 0x0f) << 16;
        int product = (d[9] & 0xff) | (d[10] & 0xff) << 8;
        return new DeviceId(d[0] & 0xff, d[1] & 0x0f, d[2] & 0x7f, d[3] & 0xff, (d[4] & 0x0f) + "." + ((d[4] & 0xf0) >> 4),
                manufacturer, product);
    }
}
