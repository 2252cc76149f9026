package org.fence4j.ipmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.CloseSession;
import org.fence4j.ipmi.command.Command;
import org.fence4j.ipmi.command.GetChannelAuthCapabilities;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.command.GetDeviceGuid;
import org.fence4j.ipmi.command.GetDeviceId;
import org.fence4j.ipmi.command.SetSessionPrivilege;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.Rakp;
import org.fence4j.ipmi.crypto.SessionKeys;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.MalformedPacketException;
import org.fence4j.ipmi.rmcp.OpenSessionRequest;
import org.fence4j.ipmi.rmcp.OpenSessionResponse;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.rmcp.Rakp1;
import org.fence4j.ipmi.rmcp.Rakp2;
import org.fence4j.ipmi.rmcp.Rakp3;
import org.fence4j.ipmi.rmcp.Rakp4;
import org.fence4j.ipmi.rmcp.RmcpCodec;
import org.fence4j.ipmi.rmcp.SessionPacket;
import org.fence4j.ipmi.session.SessionCrypto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decoder of what a BMC (or anyone on its network) sends takes seeded random datagrams and
 * mutations of the real captures (ipmitool against ipmi_sim) without any exception but its own
 * decode error, and without a hang. {@code -Dfence4j.fuzz.count=N} inputs per decoder (default
 * 20 000; {@code ipmi/bench/fuzz.sh} runs 10^6), {@code -Dfence4j.fuzz.seed=S} (default 14).
 */
class DecoderFuzzTest {
    private static final int COUNT = Integer.getInteger("fence4j.fuzz.count", 20_000);
    private static final long SEED = Long.getLong("fence4j.fuzz.seed", 14);
    private static final List<String> CAPTURES = List.of("/captures/cipher1.txt", "/captures/cipher2.txt",
            "/captures/cipher3.txt", "/captures/cipher17.txt", "/captures/cipher3-kg.txt");

    /** A decoder under test; {@code allowed} is the one exception it may throw. */
    private record Target(String name, Class<? extends Exception> allowed, List<byte[]> seeds, Decoder decoder) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Decoder {
        void decode(byte[] input) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void decoderTakesRandomAndMutatedInput(Target t) {
        Random random = new Random(SEED ^ t.name.hashCode());
        int[] decodeErrors = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(30 + COUNT / 10_000), () -> {
            for (int i = 0; i < COUNT; i++) {
                byte[] input = i % 10 == 0 ? randomBytes(random) : mutate(t.seeds.get(random.nextInt(t.seeds.size())), random);
                try {
                    t.decoder.decode(input);
                } catch (Throwable e) {
                    if (!t.allowed.isInstance(e)) {
                        fail(t.name + " threw " + e + " on " + HexFormat.of().formatHex(input), e);
                    }
                    decodeErrors[0]++;
                }
            }
        });
        // the mutations must reach past the first length check, or the fuzzing proves little
        assertThat(decodeErrors[0]).isLessThan(COUNT);
    }

    static Stream<Arguments> targets() throws Exception {
        List<byte[]> datagrams = new ArrayList<>();
        List<byte[]> setupPayloads = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (String resource : CAPTURES) {
            for (Capture.Datagram d : Capture.load(resource).datagrams()) {
                datagrams.add(d.bytes());
                if (RmcpCodec.decode(d.bytes()) instanceof SessionPacket p) {
                    if (p.type() != PayloadType.IPMI) {
                        setupPayloads.add(p.payload());
                    } else if (!p.encrypted()) {
                        messages.add(p.payload());
                    }
                }
            }
        }
        List<byte[]> answerData = new ArrayList<>();
        for (byte[] m : messages) {
            try {
                answerData.add(IpmiMessageCodec.decodeResponse(m).data());
            } catch (MalformedPacketException e) {
                // a request: its data is no answer
            }
        }
        Cipher3 c3 = new Cipher3();
        List<Target> t = new ArrayList<>(List.of(
                new Target("RmcpCodec.decode", MalformedPacketException.class, datagrams, RmcpCodec::decode),
                new Target("SessionCrypto.open (cipher 3, the capture's keys)", NoException.class, c3.datagrams,
                        d -> c3.crypto().open(d)),
                new Target("SessionCrypto.open (mutated payload sealed with the capture's keys)", NoException.class,
                        c3.payloads, p -> c3.crypto().open(c3.seal(p))),
                new Target("OpenSessionResponse.decode", MalformedPacketException.class, setupPayloads, OpenSessionResponse::decode),
                new Target("Rakp2.decode", MalformedPacketException.class, setupPayloads, Rakp2::decode),
                new Target("Rakp4.decode", MalformedPacketException.class, setupPayloads, Rakp4::decode),
                new Target("OpenSessionRequest.decode (simulated BMC)", MalformedPacketException.class, setupPayloads,
                        OpenSessionRequest::decode),
                new Target("Rakp1.decode (simulated BMC)", MalformedPacketException.class, setupPayloads, Rakp1::decode),
                new Target("Rakp3.decode (simulated BMC)", MalformedPacketException.class, setupPayloads, Rakp3::decode),
                new Target("IpmiMessageCodec.decodeResponse", MalformedPacketException.class, messages,
                        IpmiMessageCodec::decodeResponse),
                new Target("IpmiMessageCodec.decodeRequest (simulated BMC)", MalformedPacketException.class, messages,
                        IpmiMessageCodec::decodeRequest)));
        for (Command<?> c : List.of(new GetChassisStatus(), new GetChannelAuthCapabilities(4), new GetDeviceId(),
                new GetDeviceGuid(), new SetSessionPrivilege(4), new CloseSession(1), new ChassisControl(ChassisControl.Action.POWER_DOWN))) {
            // a command's answer that is too short is the command's own error: IpmiException
            t.add(new Target(c.name() + " answer", IpmiException.class, answerData, c::parse));
        }
        return t.stream().map(Arguments::of);
    }

    /** Nothing may be thrown at all. */
    private static final class NoException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The cipher 3 capture's session, with the keys derived from its handshake and the password. */
    private static final class Cipher3 {
        final List<byte[]> datagrams = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();
        final SessionKeys keys;
        final int console;
        final int bmc;
        final SecureRandom random = new SecureRandom();

        Cipher3() throws Exception {
            Capture c = Capture.load("/captures/cipher3.txt");
            CipherSuite suite = CipherSuite.require(3);
            byte[] password = "secret".getBytes(StandardCharsets.US_ASCII);
            OpenSessionResponse open = OpenSessionResponse.decode(payload(c.get(3)));
            Rakp1 rakp1 = Rakp1.decode(payload(c.get(4)));
            Rakp2 rakp2 = Rakp2.decode(payload(c.get(5)));
            byte[] sik = Rakp.sik(suite.authentication(), password, rakp1.rm(), rakp2.rc(), rakp1.role(), rakp1.userName());
            keys = Rakp.keys(suite.authentication(), sik);
            console = open.consoleSessionId();
            bmc = open.bmcSessionId();
            for (int i = 8; i < c.datagrams().size(); i++) {
                if (!c.datagrams().get(i).toBmc()) {
                    datagrams.add(c.get(i));
                    payloads.add(payload(c.get(i)));
                }
            }
        }

        /** What the console uses to open the BMC's answers. */
        SessionCrypto crypto() {
            return new SessionCrypto(CipherSuite.require(3), keys, bmc, console, random);
        }

        /** A datagram from the BMC carrying {@code payload} as is (encrypted or not), correctly signed. */
        byte[] seal(byte[] payload) {
            return RmcpCodec.encode(new SessionPacket(PayloadType.IPMI, true, true, console, 7, payload),
                    CipherSuite.require(3).integrity().key(keys.k1()));
        }

        private static byte[] payload(byte[] datagram) throws MalformedPacketException {
            return ((SessionPacket) RmcpCodec.decode(datagram)).payload();
        }
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(120)];
        r.nextBytes(b);
        return b;
    }

    /** One to four of: bit flip, byte set (often to a boundary value), truncation, extension, cut, repetition. */
    static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        int[] boundary = {0, 1, 0x7f, 0x80, 0xff, r.nextInt(256)};
                        b[r.nextInt(b.length)] = (byte) boundary[r.nextInt(boundary.length)];
                    }
                }
                case 2 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
                case 3 -> {
                    int old = b.length;
                    b = Arrays.copyOf(b, old + 1 + r.nextInt(32));
                    for (int i = old; i < b.length; i++) {
                        b[i] = (byte) r.nextInt(256);
                    }
                }
                case 4 -> {
                    if (b.length > 1) {
                        int from = r.nextInt(b.length);
                        int to = from + r.nextInt(b.length - from);
                        byte[] cut = new byte[b.length - (to - from)];
                        System.arraycopy(b, 0, cut, 0, from);
                        System.arraycopy(b, to, cut, from, b.length - to);
                        b = cut;
                    }
                }
                default -> {
                    if (b.length > 0) {
                        int from = r.nextInt(b.length);
                        int len = 1 + r.nextInt(Math.min(16, b.length - from));
                        byte[] longer = Arrays.copyOf(b, b.length + len);
                        System.arraycopy(b, from, longer, from + len, b.length - from);
                        b = longer;
                    }
                }
            }
        }
        return b;
    }
}
