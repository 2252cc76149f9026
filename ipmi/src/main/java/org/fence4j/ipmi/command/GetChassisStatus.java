package org.fence4j.ipmi.command;

/** Get Chassis Status (Chassis 01h). */
public record GetChassisStatus() implements Command<ChassisStatus> {

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
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
        return "Get Chassis Status";
    }

    @Override
    public ChassisStatus parse(byte[] data) {
        Answers.need(data, 3, name());
        int power = data[0] & 0xff;
        return new ChassisStatus((power & 0x01) != 0, (power & 0x08) != 0, (power & 0x10) != 0);
    }

    @Override
    public String words(ChassisStatus status) {
        return "power " + (status.powerOn() ? "on" : "off") + (status.powerFault() ? ", power fault" : "")
                + (status.controlFault() ? ", power control fault" : "");
    }
}
