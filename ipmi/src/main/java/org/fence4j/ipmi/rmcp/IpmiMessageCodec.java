package org.fence4j.ipmi.rmcp;

import java.util.Arrays;

/** IPMI messages with their two checksums (IPMI v2.0 §13.8), as pure functions. */
public final class IpmiMessageCodec {
    private static final int BMC = 0x20;
    private static final int CONSOLE = 0x81;

    private IpmiMessageCodec() {
    }

    public static byte[] encode(IpmiRequest r) {
        return frame(BMC, r.netFn(), CONSOLE, r.rqSeq(), r.command(), new byte[0], r.data());
    }

    public static byte[] encode(IpmiResponse r) {
        return frame(CONSOLE, r.netFn() | 1, BMC, r.rqSeq(), r.command(), new byte[] {(byte) r.completionCode()}, r.data());
    }

    public static IpmiRequest decodeRequest(byte[] m) throws MalformedPacketException {
        check(m, 7, BMC);
        return new IpmiRequest((m[1] & 0xff) >> 2, m[5] & 0xff, (m[4] & 0xff) >> 2, Arrays.copyOfRange(m, 6, m.length - 1));
    }

    public static IpmiResponse decodeResponse(byte[] m) throws MalformedPacketException {
        check(m, 8, CONSOLE);
        int netFn = (m[1] & 0xff) >> 2;
        if ((netFn & 1) == 0) {
            throw new MalformedPacketException("IPMI message is not a response (netFn " + netFn + ")");
        }
        return new IpmiResponse(netFn & ~1, m[5] & 0xff, (m[4] & 0xff) >> 2, m[6] & 0xff, Arrays.copyOfRange(m, 7, m.length - 1));
    }

    private static byte[] frame(int rsAddr, int netFn, int rqAddr, int rqSeq, int cmd, byte[] head, byte[] data) {
        byte[] m = new byte[7 + head.length + data.length];
        m[0] = (byte) rsAddr;
        m[1] = (byte) (netFn << 2);
        m[2] = checksum(m, 0, 2);
        m[3] = (byte) rqAddr;
        m[4] = (byte) ((rqSeq & 0x3f) << 2);
        m[5] = (byte) cmd;
        System.arraycopy(head, 0, m, 6, head.length);
        System.arraycopy(data, 0, m, 6 + head.length, data.length);
        m[m.length - 1] = checksum(m, 3, m.length - 1);
        return m;
    }

    private static void check(byte[] m, int minLength, int to) throws MalformedPacketException {
        if (m.length < minLength) {
            throw new MalformedPacketException("IPMI message of " + m.length + " bytes is too short");
        }
        if ((m[0] & 0xff) != to) {
            throw new MalformedPacketException("IPMI message addressed to 0x" + Integer.toHexString(m[0] & 0xff));
        }
        if (checksum(m, 0, 2) != m[2] || checksum(m, 3, m.length - 1) != m[m.length - 1]) {
            throw new MalformedPacketException("IPMI message checksum wrong");
        }
    }

    /** Two's complement of the byte sum of {@code m[from, to)}. */
    private static byte checksum(byte[] m, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += m[i];
        }
        return (byte) -sum;
    }
}
