package org.fence4j.ipmi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.fence4j.ipmi.Capture;
import org.fence4j.ipmi.rmcp.IpmiMessageCodec;
import org.fence4j.ipmi.rmcp.IpmiRequest;
import org.fence4j.ipmi.rmcp.IpmiResponse;
import org.fence4j.ipmi.rmcp.OpenSessionResponse;
import org.fence4j.ipmi.rmcp.Rakp1;
import org.fence4j.ipmi.rmcp.Rakp2;
import org.fence4j.ipmi.rmcp.Rakp3;
import org.fence4j.ipmi.rmcp.Rakp4;
import org.fence4j.ipmi.rmcp.RmcpCodec;
import org.fence4j.ipmi.rmcp.SessionPacket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given only the password ('secret') and what went over the wire, our RAKP computations, key
 * derivation, integrity codes and AES reproduce ipmitool's and ipmi_sim's bytes exactly.
 */
class CaptureCryptoTest {
    private static final byte[] PASSWORD = "secret".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"/captures/cipher1.txt, 1,", "/captures/cipher2.txt, 2,", "/captures/cipher3.txt, 3,",
        "/captures/cipher17.txt, 17,", "/captures/cipher3-kg.txt, 3, fence4j-kg"})
    void handshakeAndSessionPacketsMatchTheCapture(String resource, int suiteId, String kg) throws Exception {
        CipherSuite suite = CipherSuite.require(suiteId);
        AuthenticationAlgorithm auth = suite.authentication();
        Capture c = Capture.load(resource);
        OpenSessionResponse open = OpenSessionResponse.decode(payload(c.get(3)));
        Rakp1 rakp1 = Rakp1.decode(payload(c.get(4)));
        Rakp2 rakp2 = Rakp2.decode(payload(c.get(5)));
        Rakp3 rakp3 = Rakp3.decode(payload(c.get(6)));
        Rakp4 rakp4 = Rakp4.decode(payload(c.get(7)));
        int console = open.consoleSessionId();
        int bmc = open.bmcSessionId();

        assertThat(Rakp.rakp2AuthCode(auth, PASSWORD, console, bmc, rakp1.rm(), rakp2.rc(), rakp2.guid(), rakp1.role(),
                rakp1.userName())).isEqualTo(rakp2.authCode());
        assertThat(Rakp.rakp3AuthCode(auth, PASSWORD, rakp2.rc(), console, rakp1.role(), rakp1.userName()))
                .isEqualTo(rakp3.authCode());
        byte[] sikKey = kg == null ? PASSWORD : kg.getBytes(StandardCharsets.US_ASCII);
        byte[] sik = Rakp.sik(auth, sikKey, rakp1.rm(), rakp2.rc(), rakp1.role(), rakp1.userName());
        assertThat(Rakp.rakp4Icv(auth, sik, rakp1.rm(), bmc, rakp2.guid())).isEqualTo(rakp4.icv());
        if (kg != null) {
            byte[] withoutKg = Rakp.sik(auth, PASSWORD, rakp1.rm(), rakp2.rc(), rakp1.role(), rakp1.userName());
            assertThat(Rakp.rakp4Icv(auth, withoutKg, rakp1.rm(), bmc, rakp2.guid())).isNotEqualTo(rakp4.icv());
        }
        // a wrong password gives a different RAKP 2 code: this is how we detect it
        assertThat(Rakp.rakp2AuthCode(auth, "Secret".getBytes(StandardCharsets.US_ASCII), console, bmc, rakp1.rm(),
                rakp2.rc(), rakp2.guid(), rakp1.role(), rakp1.userName())).isNotEqualTo(rakp2.authCode());

        SessionKeys keys = Rakp.keys(auth, sik);
        IntegrityKey k1 = suite.integrity().key(keys.k1());
        int sessionPackets = 0;
        boolean chassisStatusSeen = false;
        for (int i = 8; i < c.datagrams().size(); i++) {
            byte[] datagram = c.get(i);
            SessionPacket p = (SessionPacket) RmcpCodec.decode(datagram);
            assertThat(p.sessionId()).isEqualTo(c.datagrams().get(i).toBmc() ? bmc : console);
            assertThat(p.authenticated()).isEqualTo(suite.integrity() != IntegrityAlgorithm.NONE);
            if (p.authenticated()) {
                assertThat(k1.verify(datagram, RmcpCodec.SIGNED_FROM)).isTrue();
                byte[] tampered = datagram.clone();
                tampered[20] ^= 1;
                assertThat(k1.verify(tampered, RmcpCodec.SIGNED_FROM)).isFalse();
            }
            byte[] message = p.payload();
            if (p.encrypted()) {
                message = new AesCbc128(keys.k2()).decrypt(p.payload()).orElseThrow();
                assertThat(new AesCbc128(keys.k2()).encrypt(Arrays.copyOf(p.payload(), 16), message)).isEqualTo(p.payload());
            }
            if (c.datagrams().get(i).toBmc()) {
                IpmiRequest r = IpmiMessageCodec.decodeRequest(message);
                assertThat(IpmiMessageCodec.encode(r)).isEqualTo(message);
                chassisStatusSeen |= r.netFn() == 0 && r.command() == 1;
            } else {
                IpmiResponse r = IpmiMessageCodec.decodeResponse(message);
                assertThat(IpmiMessageCodec.encode(r)).isEqualTo(message);
            }
            assertThat(RmcpCodec.encode(p, k1)).isEqualTo(datagram);
            sessionPackets++;
        }
        assertThat(sessionPackets).isGreaterThanOrEqualTo(8);
        assertThat(chassisStatusSeen).isTrue();
    }

    private static byte[] payload(byte[] datagram) throws Exception {
        return ((SessionPacket) RmcpCodec.decode(datagram)).payload();
    }
}
