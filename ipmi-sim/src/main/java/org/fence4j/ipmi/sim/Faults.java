package org.fence4j.ipmi.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.rmcp.RmcpPlusStatus;

/**
 * What the simulated BMC does wrong, changeable while it runs. Loss, duplication, delay and
 * reordering apply per direction and draw from one seeded {@link Random}, so a test run is
 * repeatable.
 */
public final class Faults {
    /** Faults of one direction of traffic. */
    public record Direction(double dropRate, double duplicateRate, int delayMillis, boolean reorder) {
        public static final Direction NONE = new Direction(0, 0, 0, false);

        public Direction {
            if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1 || delayMillis < 0) {
                throw new IllegalArgumentException("rates must be within 0..1 and the delay non-negative");
            }
        }
    }

    private final Random random;
    private volatile Direction toBmc = Direction.NONE;
    private volatile Direction fromBmc = Direction.NONE;
    private volatile int chassisControlError;
    private volatile boolean neverPowerOff;
    private volatile boolean neverPowerOn;
    private volatile boolean muteChassisStatus;
    private volatile boolean setupResentAsNew;
    private volatile int setupLateMillis;
    private volatile int forgedRefusals;
    private volatile PayloadType spoiled;
    private volatile Spoil spoil;
    private int spoilsLeft;

    /** What is done to a session-setup reply that a console cannot verify. */
    public enum Spoil {
        /** The payload cut after 6 bytes (the RMCP+ length says so: only the payload is short). */
        TRUNCATE,
        /** The last byte flipped: for RAKP 2 part of its auth code, for RAKP 4 of its ICV. */
        BAD_AUTH_CODE,
        /** Replaced by an error answer "unauthorized name" without a session id, as ipmi_sim cuts errors short. */
        ERROR_WITHOUT_SESSION_ID
    }

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public Faults toBmc(Direction d) {
        toBmc = d;
        return this;
    }

    public Faults fromBmc(Direction d) {
        fromBmc = d;
        return this;
    }

    /** Chassis Control answers this completion code and does nothing; 0 for none. */
    public Faults chassisControlError(int completionCode) {
        chassisControlError = completionCode;
        return this;
    }

    /** Power down and power cycle are acknowledged but the power stays on: a BMC that lies. */
    public Faults neverPowerOff(boolean on) {
        neverPowerOff = on;
        return this;
    }

    /** Power up is acknowledged but the power stays off: a node that does not come back. */
    public Faults neverPowerOn(boolean on) {
        neverPowerOn = on;
        return this;
    }

    /** Get Chassis Status requests are never answered. */
    public Faults muteChassisStatus(boolean on) {
        muteChassisStatus = on;
        return this;
    }

    /**
     * A resent Open Session opens a new session in place of the console's half-open one (whose
     * BMC session id is then unknown) and a resent RAKP 1 draws a fresh BMC random, as simple
     * firmware that keeps no answer to send again does.
     */
    public Faults setupResentAsNew(boolean on) {
        setupResentAsNew = on;
        return this;
    }

    /**
     * Open Session, RAKP 2 and RAKP 4 answers go out {@code millis} later than the others, as from
     * a BMC whose RAKP computations take hundreds of milliseconds while it answers commands at once.
     */
    public Faults setupAnswersLate(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the delay must be non-negative");
        }
        setupLateMillis = millis;
        return this;
    }

    /**
     * Before each Open Session and RAKP 2 answer, {@code count} forged "unauthorized name" answers
     * go out at once, from the BMC's address and without the answer's delay: an attacker who can
     * spoof the BMC and sees the console's port. They carry session id 0 (as errors may) and the
     * console's own in turn.
     */
    public Faults forgeRefusals(int count) {
        forgedRefusals = count;
        return this;
    }

    /** The next {@code count} replies of payload {@code type} are spoiled {@code how}. */
    public synchronized Faults spoilReplies(PayloadType type, Spoil how, int count) {
        spoiled = type;
        spoil = how;
        spoilsLeft = count;
        return this;
    }

    public Faults clear() {
        spoilReplies(null, null, 0);
        toBmc = Direction.NONE;
        fromBmc = Direction.NONE;
        chassisControlError = 0;
        neverPowerOff = false;
        neverPowerOn = false;
        muteChassisStatus = false;
        setupResentAsNew = false;
        setupLateMillis = 0;
        forgedRefusals = 0;
        return this;
    }

    Direction toBmc() {
        return toBmc;
    }

    Direction fromBmc() {
        return fromBmc;
    }

    int chassisControlError() {
        return chassisControlError;
    }

    boolean neverPowerOff() {
        return neverPowerOff;
    }

    boolean neverPowerOn() {
        return neverPowerOn;
    }

    boolean muteChassisStatus() {
        return muteChassisStatus;
    }

    boolean setupResentAsNew() {
        return setupResentAsNew;
    }

    /** How much later than the others {@code reply} goes out: 0 unless it is a session setup answer. */
    int lateMillis(byte[] reply) {
        int type = payloadType(reply);
        return type == PayloadType.OPEN_SESSION_RESPONSE.code() || type == PayloadType.RAKP2.code()
                || type == PayloadType.RAKP4.code() ? setupLateMillis : 0;
    }

    /** The forged refusals that go out before {@code reply}, none unless it answers Open Session or RAKP 1. */
    List<byte[]> forgeriesBefore(byte[] reply) {
        int type = payloadType(reply);
        List<byte[]> forged = new ArrayList<>();
        if (reply.length < 24 || type != PayloadType.OPEN_SESSION_RESPONSE.code() && type != PayloadType.RAKP2.code()) {
            return forged;
        }
        for (int i = 0; i < forgedRefusals; i++) {
            // tag, status, reserved, then the console session id (the same offset in both answers)
            byte[] refusal = Arrays.copyOfRange(reply, 16, 24);
            refusal[1] = (byte) RmcpPlusStatus.UNAUTHORIZED_NAME;
            refusal[2] = 0;
            refusal[3] = 0;
            if (i % 2 == 0) {
                Arrays.fill(refusal, 4, 8, (byte) 0);
            }
            forged.add(withPayload(reply, refusal));
        }
        return forged;
    }

    /** The reply as sent: spoiled if it is one of those asked for. */
    synchronized byte[] spoil(byte[] reply) {
        if (spoilsLeft == 0 || payloadType(reply) != spoiled.code()) {
            return reply;
        }
        spoilsLeft--;
        return switch (spoil) {
            case TRUNCATE -> withPayload(reply, Arrays.copyOfRange(reply, 16, Math.min(reply.length, 22)));
            case BAD_AUTH_CODE -> {
                byte[] b = reply.clone();
                b[b.length - 1] ^= 0x01;
                yield b;
            }
            case ERROR_WITHOUT_SESSION_ID -> withPayload(reply, new byte[] {reply[16], (byte) RmcpPlusStatus.UNAUTHORIZED_NAME,
                0, 0, 0, 0, 0, 0});
        };
    }

    /** The payload type of an RMCP+ datagram, -1 for anything else. */
    private static int payloadType(byte[] datagram) {
        return datagram.length >= 16 && datagram[4] == 0x06 ? datagram[5] & 0x3f : -1;
    }

    /** An unauthenticated RMCP+ datagram with its header and a new payload. */
    private static byte[] withPayload(byte[] datagram, byte[] payload) {
        byte[] b = Arrays.copyOf(datagram, 16 + payload.length);
        ByteBuffer.wrap(b, 14, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) payload.length);
        System.arraycopy(payload, 0, b, 16, payload.length);
        return b;
    }

    /** True with probability {@code rate}; called on the event loop only. */
    boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
