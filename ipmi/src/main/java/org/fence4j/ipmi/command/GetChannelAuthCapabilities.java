package org.fence4j.ipmi.command;

/** Get Channel Authentication Capabilities (App 38h) for this channel, asking for IPMI v2.0 data. */
public record GetChannelAuthCapabilities(int privilege) implements Command<ChannelAuthCapabilities> {
    private static final int THIS_CHANNEL_V20 = 0x8e;

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x38;
    }

    @Override
    public byte[] data() {
        return new byte[] {(byte) THIS_CHANNEL_V20, (byte) privilege};
    }

    @Override
    public String name() {
        return "Get Channel Authentication Capabilities";
    }

    @Override
    public ChannelAuthCapabilities parse(byte[] d) {
        Answers.need(d, 8, name());
        return new ChannelAuthCapabilities(d[0] & 0xff, (d[1] & 0x80) != 0 && (d[3] & 0x02) != 0,
                d[2] & 0xff, (d[2] & 0x01) != 0);
    }
}
