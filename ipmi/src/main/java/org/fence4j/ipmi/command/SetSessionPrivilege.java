package org.fence4j.ipmi.command;

/** Set Session Privilege Level (App 3Bh); answers the new privilege level. */
public record SetSessionPrivilege(int privilege) implements Command<Integer> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x3b;
    }

    @Override
    public byte[] data() {
        return new byte[] {(byte) privilege};
    }

    @Override
    public String name() {
        return "Set Session Privilege Level";
    }

    @Override
    public Integer parse(byte[] data) {
        Answers.need(data, 1, name());
        return data[0] & 0x0f;
    }

    @Override
    public String words(Integer level) {
        return "privilege level " + level;
    }
}
