package org.fence4j.ipmi.session;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.CommandFailedException;
import org.fence4j.ipmi.command.CompletionCode;
import org.fence4j.ipmi.command.GetChannelAuthCapabilities;
import org.fence4j.ipmi.command.SetSessionPrivilege;
import org.fence4j.ipmi.crypto.AuthenticationAlgorithm;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.CryptoSetUp;
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
import org.slf4j.LoggerFactory;

/**
 * Opens an RMCP+ session: Get Channel Authentication Capabilities, Open Session (offering
 * suite 17, then 3, unless one is asked for), RAKP 1-4 with the BMC's proofs verified, Set
 * Session Privilege Level. Any failure after RAKP 4 closes the session before it is reported.
 * Nothing before RAKP 2 is authenticated, and a proof that does not verify could be anyone's:
 * such a refusal is an {@link UnverifiedRefusal}. Each send of a step has a tag of its own, and
 * each RAKP 1 a random of its own, so that an answer says which send it answers.
 */
public final class Handshake {
    private static final List<Integer> AUTO_SUITES = List.of(17, 3);
    private static final int NAME_ONLY_LOOKUP = 0x10;
    /** RAKP 3 again in case it was lost; a lost RAKP 4 is not answered again by every BMC (see {@link #rakp}). */
    private static final int RAKP3_TRIES = 2;
    private static final int RAKP3_TAG = 1;
    /** Open Session answers that mean "not this suite", worth trying the next one. */
    private static final List<Integer> SUITE_REJECTED = List.of(0x04, 0x05, 0x10, 0x11);

    private final Exchanger exchanger;
    private final Credentials credentials;
    private final SessionOptions options;
    private final Deadline deadline;
    private final CryptoSetUp crypto;
    private final int role;
    private int nextTag = 1;

    private Handshake(Exchanger exchanger, Credentials credentials, SessionOptions options, Deadline deadline,
            CryptoSetUp crypto) {
        this.exchanger = exchanger;
        this.credentials = credentials;
        this.options = options;
        this.deadline = deadline;
        this.crypto = crypto;
        this.role = options.privilege().level() | NAME_ONLY_LOOKUP;
    }

    /**
     * The open session, in the calling thread; a failure is an {@link IpmiException} whose message
     * says why, and the exchanger is closed on it. {@code crypto} may still be setting up: the handshake
     * waits for its random source at Open Session and for its providers at RAKP (by the deadline).
     */
    public static Session open(Exchanger exchanger, Credentials credentials, SessionOptions options,
            Deadline deadline, CryptoSetUp crypto) {
        Handshake h = new Handshake(exchanger, credentials, options, deadline, crypto);
        try {
            List<CipherSuite> suites = h.suites();
            h.capabilities();
            Opened opened = h.openSession(suites);
            h.allowedByTheJdk(opened.suite());
            return h.setPrivilege(h.rakp(opened));
        } catch (RuntimeException e) {
            exchanger.close();
            throw e;
        }
    }

    private List<CipherSuite> suites() {
        if (options.cipherSuite() == SessionOptions.AUTO) {
            List<CipherSuite> auto = new ArrayList<>();
            for (int id : AUTO_SUITES) {
                auto.add(CipherSuite.require(id));
            }
            return auto;
        }
        Optional<CipherSuite> known = CipherSuite.byId(options.cipherSuite());
        if (known.isEmpty()) {
            throw new IpmiException("cipher suite " + options.cipherSuite() + " is not supported");
        }
        CipherSuite suite = known.get();
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

    /**
     * Waits for the JDK's HMAC and AES providers, set up meanwhile (RAKP needs them), and fails when
     * its security configuration refuses one of {@code suite}'s algorithms (a FIPS mode or a policy
     * may disable MD5, and so suites 6-8).
     */
    private void allowedByTheJdk(CipherSuite suite) {
        crypto.awaitProviders(deadline.remaining());
        Optional<String> refused = suite.refusedAlgorithm();
        if (refused.isPresent()) {
            throw new IpmiException(refusedByTheJdk(suite.id(), refused.get()));
        }
    }

    /** Why a suite is not used: the JDK's security configuration does not allow its {@code algorithm} ("HMAC-MD5"). */
    private static String refusedByTheJdk(int suite, String algorithm) {
        return "cipher suite " + suite + " needs " + algorithm + ", which this JDK's security configuration does not"
                + " allow (no provider of its java.security offers it, or a policy disables it); use a suite it allows,"
                + " such as 3 or 17";
    }

    /** Why suites 1, 6 and 15 need an explicit opt-in. */
    public static String noIntegrity(int suite) {
        return "cipher suite " + suite + " is refused: it has no integrity algorithm, so the BMC's answers are not"
                + " authenticated and anyone on the BMC's network could forge \"power is off\"; use 3 or 17";
    }

    /** Checks the channel speaks IPMI v2.0 when the BMC says so; a refused request is not fatal. */
    private void capabilities() {
        GetChannelAuthCapabilities command = new GetChannelAuthCapabilities(options.privilege().level());
        Tries tries = new Tries();
        IpmiResponse granted = exchanger.exchange(command.name(), n -> {
            // the try's number as the sequence number: the answer says which try it answers
            IpmiRequest request = Answers.request(command, tries.add(n & 0x3f, null).tag());
            return RmcpCodec.encode(new Ipmi15Packet(0, 0, IpmiMessageCodec.encode(request)));
        }, answer -> {
            Optional<IpmiResponse> r = decode(answer) instanceof Ipmi15Packet p ? Answers.response(p.message())
                    : Optional.empty();
            int n = r.isPresent() ? tries.numberOf(r.get().rqSeq()) : 0;
            if (n == 0 || !r.get().answers(Answers.request(command, r.get().rqSeq()))) {
                return Reply.ignored();
            }
            // some BMCs refuse the v2.0 extended-data bit: then Open Session tells the rest
            try {
                if (r.get().completionCode() == CompletionCode.OK && !Answers.result(command, r.get()).ipmi20()) {
                    return Reply.refused(new UnverifiedRefusal(
                            new IpmiException("the BMC does not offer IPMI v2.0 (lanplus) on this channel")));
                }
            } catch (IpmiException unreadable) {
                return Reply.refused(new RetryableLoginException(command.name() + ": the BMC's answer cannot be read ("
                        + unreadable.getMessage() + ")"));
            }
            return Reply.accepted(r.get(), n);
        }, options.retry(), deadline);
        ProtocolSteps.say("ipmi", "{} ({}) -> {}", command.name(), options.privilege().word(),
                granted.completionCode() == CompletionCode.OK ? "IPMI v2.0 offered"
                        : CompletionCode.describe(granted.completionCode()) + " (going on: Open Session tells)");
    }

    private record Opened(CipherSuite suite, int consoleSessionId, int bmcSessionId) {
    }

    /** Open Session with each suite in turn while the BMC says "not this suite". */
    private Opened openSession(List<CipherSuite> suites) {
        for (int index = 0; ; index++) {
            Optional<Opened> opened = openSession(suites.get(index), index + 1 == suites.size());
            if (opened.isPresent()) {
                return opened.get();
            }
        }
    }

    /** The session opened with {@code suite}, or empty when the BMC says "not this suite" and it is not the last. */
    private Optional<Opened> openSession(CipherSuite suite, boolean last) {
        int console = nonZeroId();
        int authentication = suite.authentication().number();
        int integrity = suite.integrity().number();
        int confidentiality = suite.confidentiality().number();
        Tries tries = new Tries();
        Optional<Opened> opened = exchanger.exchange("Open Session", n -> {
            OpenSessionRequest request = new OpenSessionRequest(tries.add(newTag(), null).tag(), 0, console,
                    authentication, integrity, confidentiality);
            return RmcpCodec.encode(SessionPacket.setup(PayloadType.OPEN_SESSION_REQUEST, request.encode()), null);
        }, setup(PayloadType.OPEN_SESSION_RESPONSE, "Open Session", payload -> {
            OpenSessionResponse r = OpenSessionResponse.decode(payload);
            int n = tries.numberOf(r.tag());
            if (n == 0 || !ours(r.status(), r.consoleSessionId(), console)) {
                return Reply.ignored();
            }
            if (r.status() != RmcpPlusStatus.OK) {
                // the usual answer of BMCs without SHA-256 (ipmi_sim), on every call: taken at once, without
                // a log, as a forged one costs no more than the next suite, which authenticates too
                if (!last && SUITE_REJECTED.contains(r.status())) {
                    ProtocolSteps.say("ipmi", "Open Session (cipher suite {}) -> {}; offering the next suite",
                            suite.id(), RmcpPlusStatus.describe(r.status()));
                    return Reply.accepted(Optional.<Opened>empty(), n);
                }
                return Reply.refused(new UnverifiedRefusal(new IpmiException("Open Session with cipher suite "
                        + suite.id() + " refused by the BMC: " + RmcpPlusStatus.describe(r.status()))));
            }
            if (r.authentication() != authentication || r.integrity() != integrity
                    || r.confidentiality() != confidentiality) {
                return Reply.refused(new UnverifiedRefusal(new IpmiException("the BMC answered Open Session with"
                        + " algorithms other than those of cipher suite " + suite.id())));
            }
            // a BMC that takes a resent Open Session as new knows only the session of the last
            return Reply.unlessSuperseded(Optional.of(new Opened(suite, console, r.bmcSessionId())), n, tries.latest());
        }), options.retry(), deadline);
        if (opened.isPresent()) {
            ProtocolSteps.say("ipmi", "Open Session (cipher suite {}) -> ok", suite.id());
        }
        return opened;
    }

    /** A RAKP 2 whose proof verified over {@code rm}, the console random of the send it answers. */
    private record Proven(Rakp2 rakp2, byte[] rm) {
    }

    private Session rakp(Opened o) {
        AuthenticationAlgorithm auth = o.suite().authentication();
        byte[] user = credentials.userBytes();
        Tries tries = new Tries();
        Proven proven;
        try {
            proven = exchanger.exchange("RAKP 1", n -> {
                byte[] rm = new byte[16];
                random().nextBytes(rm);
                Rakp1 rakp1 = new Rakp1(tries.add(newTag(), rm).tag(), o.bmcSessionId(), rm, role, user);
                return RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP1, rakp1.encode()), null);
            }, setup(PayloadType.RAKP2, "RAKP 2", payload -> {
                Rakp2 r = Rakp2.decode(payload);
                int n = tries.numberOf(r.tag());
                if (n == 0 || !ours(r.status(), r.consoleSessionId(), o.consoleSessionId())) {
                    return Reply.ignored();
                }
                if (r.status() != RmcpPlusStatus.OK) {
                    return Reply.refused(rakp2Refused(r.status()));
                }
                byte[] rm = tries.get(n).rm();
                byte[] expected = Rakp.rakp2AuthCode(auth, credentials.password(), o.consoleSessionId(),
                        o.bmcSessionId(), rm, r.rc(), r.guid(), role, user);
                if (!Rakp.same(expected, r.authCode())) {
                    // over the random of the very send it answers: a wrong password, or not the BMC's answer
                    return Reply.refused(new UnverifiedRefusal(
                            new AuthenticationFailedException(AuthenticationFailedException.MISMATCH)));
                }
                // a BMC that takes a resent RAKP 1 as new keeps only the random of the last
                return Reply.unlessSuperseded(new Proven(r, rm), n, tries.latest());
            }), options.retry(), deadline);
        } catch (UnverifiedRefusal e) {
            ProtocolSteps.say("ipmi", "RAKP 1 (user '{}', {}) -> {}", credentials.user(), options.privilege().word(),
                    e.getMessage());
            // tell the BMC, so it can drop the half-open session at once
            exchanger.send(rakp3(o, RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, new byte[0]));
            throw e;
        }
        ProtocolSteps.say("ipmi", "RAKP 1 (user '{}', {}) -> RAKP 2 ok, the BMC's proof verified", credentials.user(),
                options.privilege().word());
        Rakp2 r2 = proven.rakp2();
        byte[] rm = proven.rm();
        byte[] sik = Rakp.sik(auth, credentials.sikKey(), rm, r2.rc(), role, user);
        byte[] rakp3 = rakp3(o, RmcpPlusStatus.OK,
                Rakp.rakp3AuthCode(auth, credentials.password(), r2.rc(), o.consoleSessionId(), role, user));
        byte[] icv = Rakp.rakp4Icv(auth, sik, rm, o.bmcSessionId(), r2.guid());
        try {
            exchanger.exchange("RAKP 3", rakp3, setup(PayloadType.RAKP4, "RAKP 4", payload -> {
                Rakp4 r4 = Rakp4.decode(payload);
                if (r4.tag() != RAKP3_TAG || !ours(r4.status(), r4.consoleSessionId(), o.consoleSessionId())) {
                    return Reply.ignored();
                }
                if (r4.status() != RmcpPlusStatus.OK) {
                    // the verified RAKP 2 proved the password: a refused RAKP 3 means the BMC lost
                    // or replaced the half-open session (a resent RAKP 1), which a fresh Open Session mends
                    return Reply.refused(new RetryableLoginException("RAKP 4: the BMC refused the session: "
                            + RmcpPlusStatus.describe(r4.status())));
                }
                if (!Rakp.same(icv, r4.icv())) {
                    // the proof over the session key: the BMC does not share our Kg, or it is not the BMC's
                    return Reply.refused(new UnverifiedRefusal(
                            new AuthenticationFailedException(AuthenticationFailedException.MISMATCH)));
                }
                return Reply.accepted(r4);
            }), options.retry().atMostTries(RAKP3_TRIES), deadline);
            ProtocolSteps.say("ipmi", "RAKP 3 -> RAKP 4 ok, the BMC's proof verified");
        } catch (NoAnswerException e) {
            // ipmi_sim, like some BMCs, answers RAKP 3 only once: with RAKP 4 lost the session
            // may be active all the same, and an authentic answer to Set Session Privilege
            // proves the BMC holds the session keys just as the RAKP 4 ICV would
            if (o.suite().integrity() == IntegrityAlgorithm.NONE) {
                throw e;
            }
            ProtocolSteps.say("ipmi", "RAKP 3 -> no RAKP 4 (some BMCs answer RAKP 3 only once): Set Session Privilege"
                    + " Level's authenticated answer will prove the session");
        }
        return new Session(exchanger, new SessionCrypto(o.suite(), Rakp.keys(auth, sik), o.bmcSessionId(),
                o.consoleSessionId(), random()), o.bmcSessionId(), options.retry());
    }

    /** The session at the privilege asked for; else it is closed and the failure says what the BMC granted. */
    private Session setPrivilege(Session session) {
        IpmiException reported;
        try {
            int level = session.execute(new SetSessionPrivilege(options.privilege().level()), deadline);
            if (level == options.privilege().level()) {
                return session;
            }
            reported = new IpmiException("the BMC granted privilege level " + level + " instead of "
                    + options.privilege().word());
        } catch (CommandFailedException c) {
            reported = new IpmiException("privilege " + options.privilege().word() + " refused for user '"
                    + credentials.user() + "': " + c.getMessage());
        } catch (RuntimeException e) {
            reported = e instanceof IpmiException i ? i : new IpmiException("Set Session Privilege Level failed", e);
        }
        session.close(deadline);
        throw reported;
    }

    private IpmiException rakp2Refused(int status) {
        String why = RmcpPlusStatus.describe(status);
        return switch (status) {
            case RmcpPlusStatus.UNAUTHORIZED_NAME -> new UnverifiedRefusal(new AuthenticationFailedException(
                    "authentication failed: user '" + credentials.user() + "' unknown to the BMC (" + why + ")"));
            case RmcpPlusStatus.INVALID_ROLE, RmcpPlusStatus.UNAUTHORIZED_ROLE -> new UnverifiedRefusal(
                    new AuthenticationFailedException("authentication failed: user '" + credentials.user()
                            + "' may not log in as " + options.privilege().word() + " (" + why + ")"));
            default -> new RetryableLoginException("RAKP 2: the BMC refused the login: " + why);
        };
    }

    private byte[] rakp3(Opened o, int status, byte[] authCode) {
        Rakp3 rakp3 = new Rakp3(RAKP3_TAG, status, o.bmcSessionId(), authCode);
        return RmcpCodec.encode(SessionPacket.setup(PayloadType.RAKP3, rakp3.encode()), null);
    }

    /** An answer is ours if it names our session; error answers may be cut short before the id (ipmi_sim). */
    private static boolean ours(int status, int sessionId, int console) {
        return sessionId == console || (status != RmcpPlusStatus.OK && sessionId == 0);
    }

    /** The JDK's random source, waiting for it until the deadline. */
    private SecureRandom random() {
        return crypto.random(deadline.remaining());
    }

    /** A message tag no earlier send of this handshake had (until 256 sends). */
    private int newTag() {
        return nextTag++ & 0xff;
    }

    private int nonZeroId() {
        int id;
        do {
            id = random().nextInt();
        } while (id == 0);
        return id;
    }

    /**
     * A judge of session-setup answers of {@code type}: an answer of that type that cannot be read
     * is refused (counted; a corrupted datagram, or a BMC that talks nonsense), anything else is
     * ignored, and the payload of one that can goes to {@code judge}.
     */
    private static <R> Function<byte[], Reply<R>> setup(PayloadType type, String what, PayloadJudge<R> judge) {
        return datagram -> {
            if (!(decode(datagram) instanceof SessionPacket s) || s.type() != type || s.authenticated()) {
                return Reply.ignored();
            }
            try {
                return judge.judge(s.payload());
            } catch (MalformedPacketException e) {
                return Reply.refused(new RetryableLoginException(what + ": the BMC's answer cannot be read ("
                        + e.getMessage() + ")"));
            }
        };
    }

    /** What an answer's payload means, read with its decoder (which may find it unreadable). */
    @FunctionalInterface
    private interface PayloadJudge<R> {
        Reply<R> judge(byte[] payload) throws MalformedPacketException;
    }

    /** The packet in {@code datagram}, or null when it is not one. */
    private static RmcpPacket decode(byte[] datagram) {
        try {
            return RmcpCodec.decode(datagram);
        } catch (MalformedPacketException e) {
            return null;
        }
    }
}
