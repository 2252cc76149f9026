package org.fence4j.ipmi.command;

/** Get Device ID answer: identity and firmware of the BMC. */
public record DeviceId(int deviceId, int revision, int firmwareMajor, int firmwareMinorBcd, String ipmiVersion,
        int manufacturerId, int productId) {

    /** The answer's data bytes, as a BMC would send them. */
    public byte[] encode() {
        String[] v = ipmiVersion.split("\\.");
        return new byte[] {(byte) deviceId, (byte) revision, (byte) firmwareMajor, (byte) firmwareMinorBcd,
            (byte) (Integer.parseInt(v[0]) | Integer.parseInt(v[1]) << 4), 0,
            (byte) manufacturerId, (byte) (manufacturerId >> 8), (byte) (manufacturerId >> 16),
            (byte) productId, (byte) (productId >> 8)};
    }
}
