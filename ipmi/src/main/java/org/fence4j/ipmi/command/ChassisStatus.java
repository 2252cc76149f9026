package org.fence4j.ipmi.command;

/** Current power state byte of Get Chassis Status. */
public record ChassisStatus(boolean powerOn, boolean powerFault, boolean controlFault) {

    /** The answer's data bytes, as a BMC would send them. */
    public byte[] encode() {
        return new byte[] {(byte) ((powerOn ? 0x01 : 0) | (powerFault ? 0x08 : 0) | (controlFault ? 0x10 : 0)), 0, 0, 0};
    }
}
