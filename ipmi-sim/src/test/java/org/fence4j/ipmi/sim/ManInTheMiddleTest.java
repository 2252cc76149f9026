package org.fence4j.ipmi.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.power.PowerSequencer;
import org.fence4j.agents.power.PowerSettings;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerDriver;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.ChassisStatus;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.command.GetDeviceId;
import org.fence4j.ipmi.crypto.CryptoSetUp;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiResponse;
import org.fence4j.ipmi.rmcp.OpenSessionResponse;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.rmcp.RmcpCodec;
import org.fence4j.ipmi.rmcp.SessionPacket;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Exchanger;
import org.fence4j.ipmi.session.Handshake;
import org.fence4j.ipmi.session.Heard;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.Reply;
import org.fence4j.ipmi.session.RetryPolicy;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.junit.jupiter.api.Test;

/**
 * An attacker on the network between the console's real Handshake and Session and the simulated
 * BMC's engine (in process, no sockets): it sees every datagram and may drop, hold back, replay or
 * forge answers, delivered before the genuine one. None of it may make a powered-on node read as
 * off, nor a downgraded or unverified session be used.
 */
class ManInTheMiddleTest {
    private static final Secret PASSWORD = Secret.of("secret");
    private static final Credentials ADMIN = new Credentials("admin", PASSWORD, null);
    private static final SessionOptions OPTS = SessionOptions.defaults().withCipherSuite(17)
            .withRetry(RetryPolicy.fixed(Duration.ofMillis(10), 3));
    private static final CryptoSetUp CRYPTO = CryptoSetUp.start();

    /** What the attacker does with one try of one exchange. */
    interface Attacker {
        /** Datagrams delivered to the console before the BMC's genuine answers (which may be edited). */
        List<byte[]> tamper(String what, int attempt, byte[] request, List<byte[]> genuine);
    }

    static final class ManInTheMiddle implements Exchanger {
        final BmcEngine engine;
        Attacker attacker = (w, a, r, g) -> g;

        ManInTheMiddle(BmcEngine engine) {
            this.engine = engine;
        }

        /** No clock here: every try is sent, and all that each brings is heard, before a refusal stands. */
        @Override
        public <T> T exchange(String what, IntFunction<byte[]> datagramForTry, Function<byte[], Reply<T>> judge,
                RetryPolicy retry, Deadline deadline) {
            Heard<T> heard = new Heard<>();
            for (int attempt = 1; attempt <= retry.tries() && attempt <= 10; attempt++) {
                byte[] request = datagramForTry.apply(attempt);
                List<byte[]> genuine = new ArrayList<>();
                engine.handle(request).ifPresent(genuine::add);
                for (byte[] d : attacker.tamper(what, attempt, request, genuine)) {
                    Reply<T> r = judge.apply(d);
                    if (r instanceof Reply.Accepted<T> a) {
                        return a.value();
                    }
                    if (r instanceof Reply.Superseded<T> s) {
                        heard.superseded(s.value(), s.forTry());
                    } else if (r instanceof Reply.Refused<T> f) {
                        heard.refused(f.failure());
                    }
                }
            }
            return heard.outcome(new NoAnswerException("no answer to " + what));
        }

        @Override
        public void send(byte[] datagram) {
            engine.handle(datagram);
        }

        @Override
        public void close() {
        }
    }

    private static BmcEngine engine(BmcState state) {
        return engine(state, null, new Faults(1));
    }

    private static BmcEngine engine(BmcState state, Secret kg, Faults faults) {
        return new BmcEngine(List.of(new SimUser("admin", PASSWORD, Privilege.ADMINISTRATOR)), Set.of(3, 17), kg,
                new byte[16], state, faults);
    }

    private static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(5));
    }

    private static Session open(ManInTheMiddle m) {
        return Handshake.open(m, ADMIN, OPTS, soon(), CRYPTO);
    }

    @Test
    void anAuthenticOffAnswerOfAnEarlierSessionIsNotAcceptedLater() {
        BmcState state = new BmcState(false);
        ManInTheMiddle m = new ManInTheMiddle(engine(state));
        Session first = open(m);
        List<byte[]> recorded = new ArrayList<>();
        m.attacker = (w, a, r, g) -> {
            if (w.equals("Get Chassis Status")) {
                recorded.addAll(g);
            }
            return g;
        };
        assertThat(first.execute(new GetChassisStatus(), soon()).powerOn()).isFalse();
        first.close(soon());
        state.setPower(true);
        m.attacker = (w, a, r, g) -> {
            List<byte[]> out = new ArrayList<>(recorded);
            out.addAll(g);
            return out;
        };
        Session second = open(m);
        // the rqSeq of the recorded answer is that of the second session's first Get Chassis Status as well
        assertThat(second.execute(new GetChassisStatus(), soon()).powerOn()).isTrue();
    }

    @Test
    void aWithheldOffAnswerReleasedWhenRqSeqWrapsIsNotAccepted() {
        BmcState state = new BmcState(false);
        ManInTheMiddle m = new ManInTheMiddle(engine(state));
        Session s = open(m);
        List<byte[]> withheld = new ArrayList<>();
        m.attacker = (w, a, r, g) -> {
            if (w.equals("Get Chassis Status") && a == 1) {
                withheld.addAll(g);  // dropped now, released later
                return List.of();
            }
            return g;
        };
        assertThat(s.execute(new GetChassisStatus(), soon()).powerOn()).isFalse();
        assertThat(withheld).hasSize(1);
        m.attacker = (w, a, r, g) -> g;
        state.setPower(true);
        for (int i = 0; i < 63; i++) {
            s.execute(new GetDeviceId(), soon());
        }
        m.attacker = (w, a, r, g) -> {
            List<byte[]> out = new ArrayList<>(withheld);
            out.addAll(g);
            return out;
        };
        assertThat(s.execute(new GetChassisStatus(), soon()).powerOn()).as("rqSeq wrapped to the withheld one").isTrue();
    }

    @Test
    void aForgedUnauthenticatedOffAnswerInsideTheSessionIsIgnored() {
        BmcState state = new BmcState(true);
        ManInTheMiddle m = new ManInTheMiddle(engine(state));
        Session s = open(m);
        m.attacker = (w, a, r, g) -> {
            if (!w.equals("Get Chassis Status") || g.isEmpty()) {
                return g;
            }
            try {
                SessionPacket p = (SessionPacket) RmcpCodec.decode(g.get(0));
                // the request's rqSeq, read from our own knowledge: Session numbers them 1, 2, ...
                List<byte[]> out = new ArrayList<>();
                for (int rq = 0; rq < 64; rq++) {
                    byte[] off = IpmiMessageCodec.encode(new IpmiResponse(0, 1, rq, 0,
                            new ChassisStatus(false, false, false).encode()));
                    // clear-text, unauthenticated IPMI payload with the right session id and a fresh sequence
                    out.add(RmcpCodec.encode(new SessionPacket(PayloadType.IPMI, false, false, p.sessionId(),
                            p.sequence() + 1 + rq, off), null));
                    // the encrypted bit set but no integrity
                    out.add(RmcpCodec.encode(new SessionPacket(PayloadType.IPMI, true, false, p.sessionId(),
                            p.sequence() + 1 + rq, off), null));
                }
                out.addAll(g);
                return out;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertThat(s.execute(new GetChassisStatus(), soon()).powerOn()).isTrue();
    }

    @Test
    void anOpenSessionAnswerWithoutIntegrityIsRefusedWhenSuite17WasAskedFor() {
        BmcState state = new BmcState(true);
        ManInTheMiddle m = new ManInTheMiddle(engine(state));
        m.attacker = (w, a, r, g) -> {
            if (!w.equals("Open Session") || g.isEmpty()) {
                return g;
            }
            try {
                SessionPacket p = (SessionPacket) RmcpCodec.decode(g.get(0));
                OpenSessionResponse o = OpenSessionResponse.decode(p.payload());
                byte[] downgraded = new OpenSessionResponse(o.tag(), 0, o.maxPrivilege(), o.consoleSessionId(),
                        o.bmcSessionId(), 3, 0, 0).encode();
                return List.of(RmcpCodec.encode(SessionPacket.setup(PayloadType.OPEN_SESSION_RESPONSE, downgraded),
                        null));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertThatThrownBy(() -> open(m)).isInstanceOf(IpmiException.class).hasMessageContaining("algorithms other");
    }

    /** The ipmi agent's driver, over one Session, for the core's PowerSequencer. */
    private record Driver(Session s) implements PowerDriver {
        @Override
        public PowerState readPower(Deadline by) {
            return s.execute(new GetChassisStatus(), by).powerOn() ? PowerState.ON : PowerState.OFF;
        }

        @Override
        public void setPower(boolean on, Deadline by) {
            s.execute(new ChassisControl(on ? ChassisControl.Action.POWER_UP : ChassisControl.Action.POWER_DOWN), by);
        }
    }

    @Test
    void offWithABmcThatNeverPowersOffAndAReplayingAttackerIsAFailure() throws Exception {
        BmcState state = new BmcState(false);
        BmcEngine engine = engine(state);
        ManInTheMiddle m = new ManInTheMiddle(engine);
        Session first = open(m);
        List<byte[]> offAnswers = new ArrayList<>();
        m.attacker = (w, a, r, g) -> {
            if (w.equals("Get Chassis Status")) {
                offAnswers.addAll(g);
            }
            return g;
        };
        for (int i = 0; i < 70; i++) {
            first.execute(new GetChassisStatus(), soon());
        }
        first.close(soon());
        state.setPower(true);
        m.attacker = (w, a, r, g) -> {
            List<byte[]> out = new ArrayList<>(offAnswers);
            out.addAll(g);
            return out;
        };
        // a BMC that acknowledges power down but stays on: the chassis state is not changed by the engine below
        ManInTheMiddle stuck = new ManInTheMiddle(engine(state, null, new Faults(1).neverPowerOff(true)));
        stuck.attacker = m.attacker;
        Session second = open(stuck);
        PowerSettings settings = new PowerSettings(false, Duration.ZERO, Duration.ofMillis(300), 0);
        FenceResult r = new PowerSequencer(settings).run(FenceAction.OFF, new Driver(second), "node1",
                Deadline.after(Duration.ofSeconds(5)));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.FAILURE);
        assertThat(state.powerOn()).isTrue();
    }

    @Test
    void droppingRakp4DoesNotLetAConsoleWithoutTheBmcsKgIn() {
        BmcState state = new BmcState(true);
        ManInTheMiddle m = new ManInTheMiddle(engine(state, Secret.of("bmc-key"), new Faults(1)));
        m.attacker = (w, a, r, g) -> w.equals("RAKP 3") ? List.of() : g;
        assertThatThrownBy(() -> open(m)).isInstanceOf(NoAnswerException.class)
                .hasMessageContaining("Set Session Privilege");
    }
}
