package org.fence4j.ipmi.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.command.ChannelAuthCapabilities;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.ChassisStatus;
import org.fence4j.ipmi.command.CompletionCode;
import org.fence4j.ipmi.command.DeviceId;
import org.fence4j.ipmi.command.NetFn;
import org.fence4j.ipmi.crypto.AuthenticationAlgorithm;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.ConfidentialityAlgorithm;
import org.fence4j.ipmi.crypto.IntegrityAlgorithm;
import org.fence4j.ipmi.crypto.Rakp;
import org.fence4j.ipmi.rmcp.Ipmi15Packet;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
import org.fence4j.ipmi.rmcp.IpmiResponse;
import org.fence4j.ipmi.rmcp.MalformedPacketException;
import org.fence4j.ipmi.rmcp.OpenSessionRequest;
import org.fence4j.ipmi.rmcp.OpenSessionResponse;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.rmcp.Rakp1;
import org.fence4j.ipmi.rmcp.Rakp2;
import org.fence4j.ipmi.rmcp.Rakp3;
import org.fence4j.ipmi.rmcp.Rakp4;
import org.fence4j.ipmi.rmcp.RmcpCodec;
import org.fence4j.ipmi.rmcp.RmcpPacket;
import org.fence4j.ipmi.rmcp.RmcpPlusStatus;
import org.fence4j.ipmi.rmcp.SessionPacket;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.SessionCrypto;

/**
 * The simulated BMC's protocol logic: one datagram in, at most one datagram out. Reuses the
 * client's codecs and crypto. Answers repeated setup messages the same way, so a console's
 * retransmissions after a lost answer work. Runs on one event loop thread.
 */
final class BmcEngine {
    private static final int UNAVAILABLE_PRIVILEGE = 0x81;
    private static final DeviceId DEVICE_ID = new DeviceId(0x20, 1, 1, 0x00, "2.0", 0xB5E4, 0x4A46);

    private final List<SimUser> users;
    private final Set<Integer> cipherSuites;
    private final Secret kg;
    private final byte[] guid;
    private final BmcState state;
    private final Faults faults;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, ServerSession> sessions = new HashMap<>();

    BmcEngine(List<SimUser> users, Set<Integer> cipherSuites, Secret kg, byte[] guid, BmcState state, Faults faults) {
        this.users = List.copyOf(users);
        this.cipherSuites = Set.copyOf(cipherSuites);
        this.kg = kg;
        this.guid = guid.clone();
        this.state = state;
        this.faults = faults;
    }

    Optional<byte[]> handle(byte[] datagram) {
        try {
            RmcpPacket packet = RmcpCodec.decode(datagram);
            if (packet instanceof Ipmi15Packet p) {
                return preSession(p);
            }
            SessionPacket p = (SessionPacket) packet;
            return switch (p.type()) {
                case OPEN_SESSION_REQUEST -> Optional.of(setup(PayloadType.OPEN_SESSION_RESPONSE, open(OpenSessionRequest.decode(p.payload()))));
                case RAKP1 -> Optional.of(setup(PayloadType.RAKP2, rakp1(Rakp1.decode(p.payload()))));
                case RAKP3 -> rakp3(Rakp3.decode(p.payload())).map(b -> setup(PayloadType.RAKP4, b));
                case IPMI -> inSession(p.sessionId(), datagram);
                default -> Optional.empty();
            };
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> preSession(Ipmi15Packet p) throws MalformedPacketException {
        IpmiRequest r = IpmiMessageCodec.decodeRequest(p.message());
        IpmiResponse answer = r.netFn() == NetFn.APP && r.command() == 0x38
                ? ok(r, new ChannelAuthCapabilities(1, true, 0x04, false).encode())
                : error(r, 0xc1);
        return Optional.of(RmcpCodec.encode(new Ipmi15Packet(0, 0, IpmiMessageCodec.encode(answer))));
    }

    private byte[] open(OpenSessionRequest r) {
        if (faults.setupResentAsNew()) {
            sessions.values().removeIf(s -> s.consoleSessionId == r.consoleSessionId() && !s.active());
        }
        for (ServerSession s : sessions.values()) {
            if (s.consoleSessionId == r.consoleSessionId() && s.openTag == r.tag() && !s.active()) {
                return opened(r, s);
            }
        }
        Optional<CipherSuite> suite = AuthenticationAlgorithm.byNumber(r.authentication())
                .flatMap(a -> IntegrityAlgorithm.byNumber(r.integrity()).flatMap(i -> ConfidentialityAlgorithm
                        .byNumber(r.confidentiality()).flatMap(c -> CipherSuite.of(a, i, c))))
                .filter(s -> cipherSuites.contains(s.id()));
        if (suite.isEmpty()) {
            boolean authKnown = cipherSuites.stream().map(CipherSuite::require)
                    .anyMatch(s -> s.authentication().number() == r.authentication());
            return OpenSessionResponse.error(r.tag(), authKnown ? RmcpPlusStatus.NO_CIPHER_SUITE_MATCH
                    : RmcpPlusStatus.INVALID_AUTHENTICATION_ALGORITHM, r.consoleSessionId()).encode();
        }
        int id;
        do {
            id = random.nextInt();
        } while (id == 0 || sessions.containsKey(id));
        ServerSession s = new ServerSession(id, r.consoleSessionId(), suite.get(), r.tag());
        sessions.put(id, s);
        return opened(r, s);
    }

    private static byte[] opened(OpenSessionRequest r, ServerSession s) {
        return new OpenSessionResponse(r.tag(), RmcpPlusStatus.OK, Privilege.ADMINISTRATOR.level(), s.consoleSessionId,
                s.bmcSessionId, r.authentication(), r.integrity(), r.confidentiality()).encode();
    }

    private byte[] rakp1(Rakp1 r) {
        ServerSession s = sessions.get(r.bmcSessionId());
        if (s == null || s.active()) {
            return Rakp2.error(r.tag(), RmcpPlusStatus.INVALID_SESSION_ID, 0).encode();
        }
        if (s.rakp2 != null && java.util.Arrays.equals(s.rm, r.rm()) && !faults.setupResentAsNew()) {
            return s.rakp2;
        }
        String name = new String(r.userName(), java.nio.charset.StandardCharsets.UTF_8);
        Optional<SimUser> user = users.stream().filter(u -> u.name().equals(name)).findFirst();
        if (user.isEmpty()) {
            sessions.remove(s.bmcSessionId);
            return Rakp2.error(r.tag(), RmcpPlusStatus.UNAUTHORIZED_NAME, s.consoleSessionId).encode();
        }
        if ((r.role() & 0x0f) > user.get().maxPrivilege().level()) {
            sessions.remove(s.bmcSessionId);
            return Rakp2.error(r.tag(), RmcpPlusStatus.UNAUTHORIZED_ROLE, s.consoleSessionId).encode();
        }
        s.user = user.get();
        s.rm = r.rm();
        s.role = r.role();
        s.rc = new byte[16];
        random.nextBytes(s.rc);
        byte[] code = Rakp.rakp2AuthCode(s.suite.authentication(), s.user.password().bytes(), s.consoleSessionId,
                s.bmcSessionId, s.rm, s.rc, guid, s.role, r.userName());
        s.rakp2 = new Rakp2(r.tag(), RmcpPlusStatus.OK, s.consoleSessionId, s.rc, guid, code).encode();
        return s.rakp2;
    }

    private Optional<byte[]> rakp3(Rakp3 r) {
        ServerSession s = sessions.get(r.bmcSessionId());
        if (s == null || s.user == null) {
            return Optional.of(new Rakp4(r.tag(), RmcpPlusStatus.INVALID_SESSION_ID, 0, new byte[0]).encode());
        }
        if (s.rakp4 != null) {
            return Optional.of(s.rakp4);
        }
        if (r.status() != RmcpPlusStatus.OK) {
            sessions.remove(s.bmcSessionId);
            return Optional.empty();
        }
        AuthenticationAlgorithm auth = s.suite.authentication();
        byte[] expected = Rakp.rakp3AuthCode(auth, s.user.password().bytes(), s.rc, s.consoleSessionId, s.role,
                s.user.nameBytes());
        if (!Rakp.same(expected, r.authCode())) {
            sessions.remove(s.bmcSessionId);
            return Optional.of(new Rakp4(r.tag(), RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, s.consoleSessionId,
                    new byte[0]).encode());
        }
        byte[] sikKey = Rakp.sikKey(kg == null ? null : kg.bytes(), s.user.password().bytes());
        byte[] sik = Rakp.sik(auth, sikKey, s.rm, s.rc, s.role, s.user.nameBytes());
        s.crypto = new SessionCrypto(s.suite, Rakp.keys(auth, sik), s.consoleSessionId, s.bmcSessionId, random);
        s.rakp4 = new Rakp4(r.tag(), RmcpPlusStatus.OK, s.consoleSessionId,
                Rakp.rakp4Icv(auth, sik, s.rm, s.bmcSessionId, guid)).encode();
        state.sessionsActivated.incrementAndGet();
        state.activeSessions.incrementAndGet();
        return Optional.of(s.rakp4);
    }

    private Optional<byte[]> inSession(int sessionId, byte[] datagram) throws MalformedPacketException {
        ServerSession s = sessions.get(sessionId);
        if (s == null || !s.active()) {
            return Optional.empty();
        }
        Optional<byte[]> message = s.crypto.open(datagram);
        if (message.isEmpty()) {
            return Optional.empty();
        }
        IpmiRequest r = IpmiMessageCodec.decodeRequest(message.get());
        Optional<IpmiResponse> answer = command(s, r);
        return answer.map(a -> s.crypto.seal(IpmiMessageCodec.encode(a)));
    }

    private Optional<IpmiResponse> command(ServerSession s, IpmiRequest r) {
        int key = r.netFn() << 8 | r.command();
        switch (key) {
            case NetFn.APP << 8 | 0x3b -> {
                int wanted = r.data().length > 0 ? r.data()[0] & 0x0f : 0;
                Optional<Privilege> p = Privilege.byLevel(wanted);
                if (p.isEmpty() || wanted > s.user.maxPrivilege().level() || wanted > (s.role & 0x0f)) {
                    return Optional.of(error(r, UNAVAILABLE_PRIVILEGE));
                }
                s.privilege = p.get();
                return Optional.of(ok(r, new byte[] {(byte) wanted}));
            }
            case NetFn.APP << 8 | 0x3c -> {
                int id = r.data().length >= 4 ? ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt() : 0;
                if (id != s.bmcSessionId) {
                    return Optional.of(error(r, 0x87));
                }
                sessions.remove(s.bmcSessionId);
                state.sessionsClosed.incrementAndGet();
                state.activeSessions.decrementAndGet();
                return Optional.of(ok(r, new byte[0]));
            }
            case NetFn.APP << 8 | 0x01 -> {
                return Optional.of(ok(r, DEVICE_ID.encode()));
            }
            case NetFn.APP << 8 | 0x37 -> {
                return Optional.of(ok(r, guid));
            }
            case NetFn.CHASSIS << 8 | 0x01 -> {
                return faults.muteChassisStatus() ? Optional.empty()
                        : Optional.of(ok(r, new ChassisStatus(state.powerOn(), false, false).encode()));
            }
            case NetFn.CHASSIS << 8 | 0x02 -> {
                return Optional.of(chassisControl(s, r));
            }
            default -> {
                return Optional.of(error(r, 0xc1));
            }
        }
    }

    private IpmiResponse chassisControl(ServerSession s, IpmiRequest r) {
        if (s.privilege.level() < Privilege.OPERATOR.level()) {
            return error(r, CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        Optional<ChassisControl.Action> action = r.data().length == 1
                ? ChassisControl.Action.byCode(r.data()[0] & 0xff) : Optional.empty();
        if (action.isEmpty()) {
            return error(r, 0xcc);
        }
        state.chassisLog.add(action.get().words());
        if (faults.chassisControlError() != 0) {
            return error(r, faults.chassisControlError());
        }
        switch (action.get()) {
            case POWER_DOWN, SOFT_SHUTDOWN -> {
                if (!faults.neverPowerOff()) {
                    state.setPower(false);
                }
            }
            case POWER_UP -> {
                if (!faults.neverPowerOn()) {
                    state.setPower(true);
                }
            }
            case POWER_CYCLE -> {
                if (!state.powerOn()) {
                    return error(r, 0xd5);
                }
                if (!faults.neverPowerOff()) {
                    state.cycle();
                }
            }
            case HARD_RESET -> {
                // the machine restarts and stays on
            }
        }
        return ok(r, new byte[0]);
    }

    private static IpmiResponse ok(IpmiRequest r, byte[] data) {
        return new IpmiResponse(r.netFn(), r.command(), r.rqSeq(), CompletionCode.OK, data);
    }

    private static IpmiResponse error(IpmiRequest r, int code) {
        return new IpmiResponse(r.netFn(), r.command(), r.rqSeq(), code, new byte[0]);
    }

    private static byte[] setup(PayloadType type, byte[] payload) {
        return RmcpCodec.encode(SessionPacket.setup(type, payload), null);
    }
}
