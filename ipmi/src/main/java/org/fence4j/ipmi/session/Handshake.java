package org.fence4j.ipmi.session;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.CommandFailedException;
import org.fence4j.ipmi.command.CompletionCode;
import org.fence4j.ipmi.command.GetChannelAuthCapabilities;
import org.fence4j.ipmi.command.SetSessionPrivilege;
import org.fence4j.ipmi.crypto.AuthenticationAlgorithm;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.Rakp;
import org.fence4j.ipmi.crypto.SessionKeys;
import org.fence4j.ipmi.rmcp.Ipmi15Packet;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
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
import org.slf4j.LoggerFactory;

/**
 * Opens an RMCP+ session: Get Channel Authentication Capabilities, Open Session (offering
 * suite 17, then 3, unless one is asked for), RAKP 1-4 with the BMC's proofs verified, Set
 * Session Privilege Level. Any failure after RAKP 4 closes the session before it is reported.
 */
public final class Handshake {
    private static final List<Integer> AUTO_SUITES = List.of(17, 3);
    private static final int NAME_ONLY_LOOKUP = 0x10;
    /** Open Session answers that mean "not this suite", worth trying the next one. */
    private static final List<Integer> SUITE_REJECTED = List.of(0x04, 0x05, 0x10, 0x11);

    private final Exchanger exchanger;
    private final Credentials credentials;
    private final SessionOptions options;
    private final Deadline deadline;
    private final SecureRandom random;
    private final int role;

    private Handshake(Exchanger exchanger, Credentials credentials, SessionOptions options, Deadline deadline,
            SecureRandom random) {
        this.exchanger = exchanger;
        this.credentials = credentials;
        this.options = options;
        this.deadline = deadline;
        this.random = random;
        this.role = options.privilege().level() | NAME_ONLY_LOOKUP;
    }

    /** The open session, or a failure whose message says why; the exchanger is closed on failure. */
    public static CompletableFuture<Session> open(Exchanger exchanger, Credentials credentials, SessionOptions options,
            Deadline deadline, SecureRandom random) {
        Handshake h = new Handshake(exchanger, credentials, options, deadline, random);
        CompletableFuture<Session> result;
        try {
            List<CipherSuite> suites = h.suites();
            result = h.capabilities().thenCompose(v -> h.openSession(suites, 0)).thenCompose(h::rakp)
                    .thenCompose(h::setPrivilege);
        } catch (IpmiException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((session, failure) -> {
            if (failure != null) {
                exchanger.close();
            }
        });
    }

    private List<CipherSuite> suites() {
        if (options.cipherSuite() == SessionOptions.AUTO) {
            return AUTO_SUITES.stream().map(CipherSuite::require).toList();
        }
        CipherSuite suite = CipherSuite.byId(options.cipherSuite())
                .orElseThrow(() -> new IpmiException("cipher suite " + options.cipherSuite() + " is not supported"));
        if (suite.id() == 0) {
            if (!options.allowCipherZero()) {
                throw new IpmiException("cipher suite 0 is refused: it has no authentication at all (any password"
                        + " is accepted); use 3 or 17, or enable cipher 0 explicitly");
            }
            LoggerFactory.getLogger(Handshake.class).warn("ipmi: cipher suite 0 enabled: no authentication, no integrity, no encryption");
        }
        return List.of(suite);
    }

    /** Checks the channel speaks IPMI v2.0 when the BMC says so; a refused request is not fatal. */
    private CompletableFuture<Void> capabilities() {
        GetChannelAuthCapabilities command = new GetChannelAuthCapabilities(options.privilege().level());
        IpmiRequest request = Answers.request(command, 0);
        byte[] datagram = RmcpCodec.encode(new Ipmi15Packet(0, 0, IpmiMessageCodec.encode(request)));
        return exchanger.exchange(command.name(), attempt -> datagram,
                d -> decode(d).filter(Ipmi15Packet.class::isInstance)
                        .flatMap(p -> Answers.matching(((Ipmi15Packet) p).message(), request)),
                options.retry(), deadline)
                .thenAccept(response -> {
                    // some BMCs refuse the v2.0 extended-data bit: then Open Session tells the rest
                    if (response.completionCode() == CompletionCode.OK && !Answers.result(command, response).ipmi20()) {
                        throw new IpmiException("the BMC does not offer IPMI v2.0 (lanplus) on this channel");
                    }
                });
    }

    private record Opened(CipherSuite suite, int consoleSessionId, int bmcSessionId) {
    }

    private CompletableFuture<Opened> openSession(List<CipherSuite> suites, int index) {
        CipherSuite suite = suites.get(index);
        int console = nonZeroId();
        OpenSessionRequest request = new OpenSessionRequest(index, 0, console, suite.authentication().number(),
                suite.integrity().number(), suite.confidentiality().number());
        byte[] datagram = RmcpCodec.encode(SessionPacket.setup(PayloadType.OPEN_SESSION_REQUEST, request.encode()), null, null);
        return exchanger.exchange("Open Session", attempt -> datagram,
                setup(PayloadType.OPEN_SESSION_RESPONSE, OpenSessionResponse::decode,
                        r -> r.tag() == index && ours(r.status(), r.consoleSessionId(), console)),
                options.retry(), deadline)
                .thenCompose(r -> {
                    if (r.status() != RmcpPlusStatus.OK) {
                        if (SUITE_REJECTED.contains(r.status()) && index + 1 < suites.size()) {
                            // the usual answer of BMCs without SHA-256 (ipmi_sim): no log, it is on every call
                            return openSession(suites, index + 1);
                        }
                        throw new IpmiException("Open Session with cipher suite " + suite.id() + " refused by the BMC: "
                                + RmcpPlusStatus.describe(r.status()));
                    }
                    if (r.authentication() != request.authentication() || r.integrity() != request.integrity()
                            || r.confidentiality() != request.confidentiality()) {
                        throw new IpmiException("the BMC answered Open Session with algorithms other than those of cipher"
                                + " suite " + suite.id());
                    }
                    return CompletableFuture.completedFuture(new Opened(suite, console, r.bmcSessionId()));
                });
    }

    private CompletableFuture<Session> rakp(Opened o) {
        AuthenticationAlgorithm auth = o.suite().authentication();
        byte[] user = credentials.userBytes();
        byte[] rm = new byte[16];
        random.nextBytes(rm);
        byte[] rakp1 = RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP1,
                new Rakp1(1, o.bmcSessionId(), rm, role, user).encode()), null, null);
        return exchanger.exchange("RAKP 1", attempt -> rakp1,
                setup(PayloadType.RAKP2, Rakp2::decode, r -> r.tag() == 1 && ours(r.status(), r.consoleSessionId(), o.consoleSessionId())),
                options.retry(), deadline)
                .thenCompose(r2 -> {
                    if (r2.status() != RmcpPlusStatus.OK) {
                        throw rakp2Refused(r2.status());
                    }
                    byte[] expected = Rakp.rakp2AuthCode(auth, credentials.password(), o.consoleSessionId(),
                            o.bmcSessionId(), rm, r2.rc(), r2.guid(), role, user);
                    if (!Rakp.same(expected, r2.authCode())) {
                        // tell the BMC, so it can drop the half-open session at once
                        exchanger.send(rakp3(o, RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, new byte[0]));
                        throw new AuthenticationFailedException(AuthenticationFailedException.MISMATCH);
                    }
                    byte[] sik = Rakp.sik(auth, credentials.sikKey(), rm, r2.rc(), role, user);
                    byte[] rakp3 = rakp3(o, RmcpPlusStatus.OK,
                            Rakp.rakp3AuthCode(auth, credentials.password(), r2.rc(), o.consoleSessionId(), role, user));
                    return exchanger.exchange("RAKP 3", attempt -> rakp3,
                            setup(PayloadType.RAKP4, Rakp4::decode, r -> r.tag() == 1 && ours(r.status(), r.consoleSessionId(), o.consoleSessionId())),
                            options.retry(), deadline)
                            .thenApply(r4 -> {
                                if (r4.status() == RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE) {
                                    throw new AuthenticationFailedException(AuthenticationFailedException.MISMATCH);
                                }
                                if (r4.status() != RmcpPlusStatus.OK) {
                                    throw new IpmiException("RAKP 4: the BMC refused the session: "
                                            + RmcpPlusStatus.describe(r4.status()));
                                }
                                if (!Rakp.same(Rakp.rakp4Icv(auth, sik, rm, o.bmcSessionId(), r2.guid()), r4.icv())) {
                                    throw new AuthenticationFailedException(AuthenticationFailedException.MISMATCH);
                                }
                                SessionKeys keys = Rakp.keys(auth, sik);
                                return new Session(exchanger, new SessionCrypto(o.suite(), keys, o.bmcSessionId(),
                                        o.consoleSessionId(), random), o.bmcSessionId(), options.retry());
                            });
                });
    }

    private CompletableFuture<Session> setPrivilege(Session session) {
        return session.execute(new SetSessionPrivilege(options.privilege().level()), deadline)
                .handle((level, failure) -> {
                    if (failure == null && level == options.privilege().level()) {
                        return CompletableFuture.completedFuture(session);
                    }
                    Throwable cause = failure == null
                            ? new IpmiException("the BMC granted privilege level " + level + " instead of "
                                    + options.privilege().word())
                            : unwrap(failure);
                    IpmiException reported = cause instanceof CommandFailedException c
                            ? new IpmiException("privilege " + options.privilege().word() + " refused for user '"
                                    + credentials.user() + "': " + c.getMessage())
                            : cause instanceof IpmiException i ? i : new IpmiException("Set Session Privilege Level failed", cause);
                    return session.close(deadline).<Session>thenApply(v -> {
                        throw reported;
                    });
                })
                .thenCompose(Function.identity());
    }

    private IpmiException rakp2Refused(int status) {
        String why = RmcpPlusStatus.describe(status);
        return switch (status) {
            case RmcpPlusStatus.UNAUTHORIZED_NAME -> new AuthenticationFailedException(
                    "authentication failed: user '" + credentials.user() + "' unknown to the BMC (" + why + ")");
            case RmcpPlusStatus.INVALID_ROLE, RmcpPlusStatus.UNAUTHORIZED_ROLE -> new AuthenticationFailedException(
                    "authentication failed: user '" + credentials.user() + "' may not log in as "
                            + options.privilege().word() + " (" + why + ")");
            default -> new IpmiException("RAKP 2: the BMC refused the login: " + why);
        };
    }

    private byte[] rakp3(Opened o, int status, byte[] authCode) {
        return RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP3, new Rakp3(1, status, o.bmcSessionId(), authCode)
                .encode()), null, null);
    }

    /** An answer is ours if it names our session; error answers may be cut short before the id (ipmi_sim). */
    private static boolean ours(int status, int sessionId, int console) {
        return sessionId == console || (status != RmcpPlusStatus.OK && sessionId == 0);
    }

    private int nonZeroId() {
        int id;
        do {
            id = random.nextInt();
        } while (id == 0);
        return id;
    }

    /** A function decoding a session-setup answer of {@code type}, kept only if {@code accept} says so. */
    private static <T> Function<byte[], Optional<T>> setup(PayloadType type, Decoder<T> decoder,
            java.util.function.Predicate<T> accept) {
        return datagram -> decode(datagram)
                .filter(p -> p instanceof SessionPacket s && s.type() == type && !s.authenticated())
                .flatMap(p -> {
                    try {
                        return Optional.of(decoder.decode(((SessionPacket) p).payload()));
                    } catch (MalformedPacketException e) {
                        return Optional.empty();
                    }
                })
                .filter(accept);
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] payload) throws MalformedPacketException;
    }

    private static Optional<RmcpPacket> decode(byte[] datagram) {
        try {
            return Optional.of(RmcpCodec.decode(datagram));
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
