package org.fence4j.ipmi.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The RAKP computations of IPMI v2.0 §13.31-13.32, the same on both ends of a session.
 * {@code role} is the whole RAKP 1 role byte (privilege | 0x10 for name-only lookup).
 */
public final class Rakp {
    private static final int KEY_CONSTANT_LENGTH = 20;
    private Rakp() {
    }

    /** RAKP 2 key exchange auth code, made by the BMC with the user's password. */
    public static byte[] rakp2AuthCode(AuthenticationAlgorithm a, byte[] kuid, int consoleSessionId, int bmcSessionId,
            byte[] rm, byte[] rc, byte[] guid, int role, byte[] user) {
        return a.mac(kuid, le(consoleSessionId), le(bmcSessionId), rm, rc, guid, roleAndName(role, user));
    }

    /** RAKP 3 key exchange auth code, made by the console with the user's password. */
    public static byte[] rakp3AuthCode(AuthenticationAlgorithm a, byte[] kuid, byte[] rc, int consoleSessionId,
            int role, byte[] user) {
        return a.mac(kuid, rc, le(consoleSessionId), roleAndName(role, user));
    }

    /**
     * What keys the SIK (§13.31): the BMC key Kg, unless there is none, which a Kg of only zero bytes
     * also says (§13.33; ipmitool reads it so, and BMCs show 40 zeros as their default key): then
     * the user's password.
     */
    public static byte[] sikKey(byte[] kg, byte[] password) {
        if (kg != null) {
            for (byte b : kg) {
                if (b != 0) {
                    return kg;
                }
            }
        }
        return password;
    }

    /** Session integrity key; {@code key} is {@link #sikKey}'s. */
    public static byte[] sik(AuthenticationAlgorithm a, byte[] key, byte[] rm, byte[] rc, int role, byte[] user) {
        return a.mac(key, rm, rc, roleAndName(role, user));
    }

    /** RAKP 4 integrity check value, made by the BMC with the SIK. */
    public static byte[] rakp4Icv(AuthenticationAlgorithm a, byte[] sik, byte[] rm, int bmcSessionId, byte[] guid) {
        return a.truncatedMac(a.icvLength(), sik, rm, le(bmcSessionId), guid);
    }

    /**
     * K1 (integrity) and K2 (confidentiality) from the SIK. The constants are 20 bytes of 01 and
     * 02 for every algorithm, SHA-256 included: that is what ipmitool sends (checked with
     * {@code ipmitool -C 17} against the simulated BMC), not the digest length.
     */
    public static SessionKeys keys(AuthenticationAlgorithm a, byte[] sik) {
        return new SessionKeys(a.mac(sik, filled(KEY_CONSTANT_LENGTH, 1)), a.mac(sik, filled(KEY_CONSTANT_LENGTH, 2)));
    }

    public static boolean same(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] roleAndName(int role, byte[] user) {
        byte[] out = new byte[2 + user.length];
        out[0] = (byte) role;
        out[1] = (byte) user.length;
        System.arraycopy(user, 0, out, 2, user.length);
        return out;
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
