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
import org.fence4j.ipmi.crypto.IntegrityAlgorithm;
import org.fence4j.ipmi.crypto.Rakp;
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
    /** RAKP 3 again in case it was lost; a lost RAKP 4 is not answered again by every BMC (see {@link #rakp}). */
    private static final int RAKP3_TRIES = 2;
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
        } else if (suite.integrity() == IntegrityAlgorithm.NONE && !options.allowNoIntegrity()) {
            throw new IpmiException(noIntegrity(suite.id()));
        }
        return List.of(suite);
    }

    /** Why suites 1, 6 and 15 need an explicit opt-in. */
    public static String noIntegrity(int suite) {
        return "cipher suite " + suite + " is refused: it has no integrity algorithm, so the BMC's answers are not"
                + " authenticated and anyone on the BMC's network could forge \"power is off\"; use 3 or 17";
    }

    /** Checks the channel speaks IPMI v2.0 when the BMC says so; a refused request is not fatal. */
    private CompletableFuture<Void> capabilities() {
        GetChannelAuthCapabilities command = new GetChannelAuthCapabilities(options.privilege().level());
        IpmiRequest request = Answers.request(command, 0);
        byte[] datagram = RmcpCodec.encode(new Ipmi15Packet(0, 0, IpmiMessageCodec.encode(request)));
        return exchanger.exchange(command.name(), attempt -> datagram,
                d -> decode(d).filter(Ipmi15Packet.class::isInstance)
                        .flatMap(p -> Answers.matching(((Ipmi15Packet) p).message(), request))
                        .map(Reply::accepted).orElseGet(Reply::ignored),
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

    /** An Open Session refusal, kept apart so that "not this suite" can move on to the next suite. */
    private static final class SuiteRefused extends IpmiException {
        private static final long serialVersionUID = 1L;
        final int status;

        SuiteRefused(int suite, int status) {
            super("Open Session with cipher suite " + suite + " refused by the BMC: " + RmcpPlusStatus.describe(status));
            this.status = status;
        }
    }

    private CompletableFuture<Opened> openSession(List<CipherSuite> suites, int index) {
        CipherSuite suite = suites.get(index);
        int console = nonZeroId();
        OpenSessionRequest request = new OpenSessionRequest(index, 0, console, suite.authentication().number(),
                suite.integrity().number(), suite.confidentiality().number());
        byte[] datagram = RmcpCodec.encode(SessionPacket.setup(PayloadType.OPEN_SESSION_REQUEST, request.encode()), null);
        return exchanger.exchange("Open Session", attempt -> datagram,
                setup(PayloadType.OPEN_SESSION_RESPONSE, "Open Session", OpenSessionResponse::decode, r -> {
                    if (r.tag() != index || !ours(r.status(), r.consoleSessionId(), console)) {
                        return Reply.ignored();
                    }
                    if (r.status() != RmcpPlusStatus.OK) {
                        return Reply.refused(new SuiteRefused(suite.id(), r.status()));
                    }
                    if (r.authentication() != request.authentication() || r.integrity() != request.integrity()
                            || r.confidentiality() != request.confidentiality()) {
                        return Reply.refused(new IpmiException("the BMC answered Open Session with algorithms other"
                                + " than those of cipher suite " + suite.id()));
                    }
                    return Reply.accepted(new Opened(suite, console, r.bmcSessionId()));
                }),
                options.retry(), deadline)
                .exceptionallyCompose(failure -> {
                    if (unwrap(failure) instanceof SuiteRefused r && SUITE_REJECTED.contains(r.status)
                            && index + 1 < suites.size()) {
                        // the usual answer of BMCs without SHA-256 (ipmi_sim): no log, it is on every call
                        return openSession(suites, index + 1);
                    }
                    return CompletableFuture.failedFuture(unwrap(failure));
                });
    }

    private CompletableFuture<Session> rakp(Opened o) {
        AuthenticationAlgorithm auth = o.suite().authentication();
        byte[] user = credentials.userBytes();
        byte[] rm = new byte[16];
        random.nextBytes(rm);
        byte[] rakp1 = RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP1,
                new Rakp1(1, o.bmcSessionId(), rm, role, user).encode()), null);
        return exchanger.exchange("RAKP 1", attempt -> rakp1,
                setup(PayloadType.RAKP2, "RAKP 2", Rakp2::decode, r2 -> {
                    if (r2.tag() != 1 || !ours(r2.status(), r2.consoleSessionId(), o.consoleSessionId())) {
                        return Reply.ignored();
                    }
                    if (r2.status() != RmcpPlusStatus.OK) {
                        return Reply.refused(rakp2Refused(r2.status()));
                    }
                    byte[] expected = Rakp.rakp2AuthCode(auth, credentials.password(), o.consoleSessionId(),
                            o.bmcSessionId(), rm, r2.rc(), r2.guid(), role, user);
                    return Rakp.same(expected, r2.authCode()) ? Reply.accepted(r2)
                            : Reply.refused(new AuthenticationFailedException(AuthenticationFailedException.MISMATCH));
                }),
                options.retry(), deadline)
                .whenComplete((r2, failure) -> {
                    if (failure != null && unwrap(failure) instanceof AuthenticationFailedException) {
                        // tell the BMC, so it can drop the half-open session at once
                        exchanger.send(rakp3(o, RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, new byte[0]));
                    }
                })
                .thenCompose(r2 -> {
                    byte[] sik = Rakp.sik(auth, credentials.sikKey(), rm, r2.rc(), role, user);
                    byte[] rakp3 = rakp3(o, RmcpPlusStatus.OK,
                            Rakp.rakp3AuthCode(auth, credentials.password(), r2.rc(), o.consoleSessionId(), role, user));
                    byte[] icv = Rakp.rakp4Icv(auth, sik, rm, o.bmcSessionId(), r2.guid());
                    return exchanger.exchange("RAKP 3", attempt -> rakp3,
                            setup(PayloadType.RAKP4, "RAKP 4", Rakp4::decode, r4 -> {
                                if (r4.tag() != 1 || !ours(r4.status(), r4.consoleSessionId(), o.consoleSessionId())) {
                                    return Reply.ignored();
                                }
                                if (r4.status() != RmcpPlusStatus.OK) {
                                    // the verified RAKP 2 proved the password: a refused RAKP 3 means the BMC lost
                                    // or replaced the half-open session (a resent RAKP 1), which a fresh Open Session mends
                                    return Reply.refused(new RetryableLoginException("RAKP 4: the BMC refused the session: "
                                            + RmcpPlusStatus.describe(r4.status())));
                                }
                                if (!Rakp.same(icv, r4.icv())) {
                                    // the proof over the session key: the BMC does not share our Kg
                                    return Reply.refused(new AuthenticationFailedException(AuthenticationFailedException.MISMATCH));
                                }
                                return Reply.accepted(r4);
                            }),
                            options.retry().atMostTries(RAKP3_TRIES), deadline)
                            .<Object>thenApply(r4 -> r4)
                            .exceptionallyCompose(failure -> {
                                // ipmi_sim, like some BMCs, answers RAKP 3 only once: with RAKP 4 lost the session
                                // may be active all the same, and an authentic answer to Set Session Privilege
                                // proves the BMC holds the session keys just as the RAKP 4 ICV would
                                if (unwrap(failure) instanceof NoAnswerException && o.suite().integrity() != IntegrityAlgorithm.NONE) {
                                    return CompletableFuture.completedFuture(null);
                                }
                                return CompletableFuture.failedFuture(unwrap(failure));
                            })
                            .thenApply(r4 -> new Session(exchanger, new SessionCrypto(o.suite(), Rakp.keys(auth, sik),
                                    o.bmcSessionId(), o.consoleSessionId(), random), o.bmcSessionId(), options.retry()));
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
            default -> new RetryableLoginException("RAKP 2: the BMC refused the login: " + why);
        };
    }

    private byte[] rakp3(Opened o, int status, byte[] authCode) {
        return RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP3, new Rakp3(1, status, o.bmcSessionId(), authCode)
                .encode()), null);
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

    /**
     * A judge of session-setup answers of {@code type}: an answer of that type that cannot be read
     * is refused (counted; a corrupted datagram, or a BMC that talks nonsense), anything else is
     * ignored, and a readable one goes to {@code judge}.
     */
    private static <T, R> Function<byte[], Reply<R>> setup(PayloadType type, String what, Decoder<T> decoder,
            Function<T, Reply<R>> judge) {
        return datagram -> decode(datagram)
                .filter(p -> p instanceof SessionPacket s && s.type() == type && !s.authenticated())
                .map(p -> {
                    try {
                        return judge.apply(decoder.decode(((SessionPacket) p).payload()));
                    } catch (MalformedPacketException e) {
                        return Reply.<R>refused(new RetryableLoginException(what + ": the BMC's answer cannot be read ("
                                + e.getMessage() + ")"));
                    }
                })
                .orElseGet(Reply::ignored);
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
