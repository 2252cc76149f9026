package org.fence4j.ipmi.command;

/**
 * The parts of Get Channel Authentication Capabilities that matter here.
 *
 * @param ipmi20    the channel speaks IPMI v2.0 (RMCP+)
 * @param status    the raw status byte (login options)
 * @param anonymous anonymous login is enabled
 */
public record ChannelAuthCapabilities(int channel, boolean ipmi20, int status, boolean anonymous) {

    /** The answer's data bytes, as a BMC would send them. */
    public byte[] encode() {
        return new byte[] {(byte) channel, (byte) (ipmi20 ? 0x80 : 0), (byte) status, (byte) (ipmi20 ? 0x02 : 0), 0, 0, 0, 0};
    }
}
