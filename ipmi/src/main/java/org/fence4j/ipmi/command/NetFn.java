package org.fence4j.ipmi.command;

/** Network function codes (requests). */
public final class NetFn {
    public static final int CHASSIS = 0x00;
    public static final int APP = 0x06;

    private NetFn() {
    }
}
