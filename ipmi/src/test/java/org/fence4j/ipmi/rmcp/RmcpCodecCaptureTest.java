package org.fence4j.ipmi.rmcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.fence4j.ipmi.Capture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every datagram of real ipmitool/ipmi_sim sessions decodes and re-encodes byte for byte. */
class RmcpCodecCaptureTest {

    @ParameterizedTest
    @ValueSource(strings = {"/captures/cipher1.txt", "/captures/cipher2.txt", "/captures/cipher3.txt", "/captures/cipher17.txt",
        "/captures/cipher3-kg.txt"})
    void unauthenticatedDatagramsRoundTrip(String resource) throws Exception {
        for (Capture.Datagram d : Capture.load(resource).datagrams()) {
            RmcpPacket p = RmcpCodec.decode(d.bytes());
            if (p instanceof Ipmi15Packet v15) {
                assertThat(RmcpCodec.encode(v15)).isEqualTo(d.bytes());
            } else if (p instanceof SessionPacket s && !s.authenticated()) {
                assertThat(RmcpCodec.encode(s, null)).isEqualTo(d.bytes());
                assertThat(reencodedPayload(s)).isEqualTo(s.payload());
            }
        }
    }

    @Test
    void setupMessagesOfCipher3HaveTheExpectedFields() throws Exception {
        Capture c = Capture.load("/captures/cipher3.txt");
        OpenSessionRequest open = OpenSessionRequest.decode(payload(c.get(2)));
        assertThat(open.consoleSessionId()).isEqualTo(0xa0a2a3a4);
        assertThat(new int[] {open.authentication(), open.integrity(), open.confidentiality()}).containsExactly(1, 1, 1);
        OpenSessionResponse answer = OpenSessionResponse.decode(payload(c.get(3)));
        assertThat(answer.status()).isZero();
        assertThat(answer.bmcSessionId()).isEqualTo(0x82);
        Rakp1 rakp1 = Rakp1.decode(payload(c.get(4)));
        assertThat(rakp1.role()).isEqualTo(0x14);
        assertThat(new String(rakp1.userName())).isEqualTo("admin");
        Rakp2 rakp2 = Rakp2.decode(payload(c.get(5)));
        assertThat(rakp2.guid()).isEqualTo(Capture.hex("a1b2c3d4e5f60718293a4b5c6d7e25e4"));
        assertThat(rakp2.authCode()).hasSize(20);
        assertThat(Rakp4.decode(payload(c.get(7))).icv()).hasSize(12);
    }

    @Test
    void getChannelAuthCapabilitiesIsTheDocumentedWorkedExample() throws Exception {
        Ipmi15Packet p = (Ipmi15Packet) RmcpCodec.decode(Capture.load("/captures/cipher3.txt").get(0));
        IpmiRequest r = IpmiMessageCodec.decodeRequest(p.message());
        assertThat(r.netFn()).isEqualTo(6);
        assertThat(r.command()).isEqualTo(0x38);
        assertThat(r.data()).containsExactly(0x8e, 0x04);
        assertThat(IpmiMessageCodec.encode(r)).isEqualTo(p.message());
        Ipmi15Packet answer = (Ipmi15Packet) RmcpCodec.decode(Capture.load("/captures/cipher3.txt").get(1));
        IpmiResponse response = IpmiMessageCodec.decodeResponse(answer.message());
        assertThat(response.answers(r)).isTrue();
        assertThat(IpmiMessageCodec.encode(response)).isEqualTo(answer.message());
    }

    @Test
    void badChecksumsAndTruncationAreRefused() {
        byte[] datagram = Capture.load("/captures/cipher3.txt").get(0);
        byte[] message = Arrays.copyOfRange(datagram, 14, datagram.length);
        message[message.length - 1]++;
        assertThatThrownBy(() -> IpmiMessageCodec.decodeRequest(message)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> RmcpCodec.decode(Arrays.copyOf(datagram, 10))).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("truncated");
        byte[] notRmcp = datagram.clone();
        notRmcp[3] = 0x06;
        assertThatThrownBy(() -> RmcpCodec.decode(notRmcp)).isInstanceOf(MalformedPacketException.class);
    }

    static byte[] payload(byte[] datagram) throws MalformedPacketException {
        return ((SessionPacket) RmcpCodec.decode(datagram)).payload();
    }

    private static byte[] reencodedPayload(SessionPacket s) throws MalformedPacketException {
        return switch (s.type()) {
            case OPEN_SESSION_REQUEST -> OpenSessionRequest.decode(s.payload()).encode();
            case OPEN_SESSION_RESPONSE -> OpenSessionResponse.decode(s.payload()).encode();
            case RAKP1 -> Rakp1.decode(s.payload()).encode();
            case RAKP2 -> Rakp2.decode(s.payload()).encode();
            case RAKP3 -> Rakp3.decode(s.payload()).encode();
            case RAKP4 -> Rakp4.decode(s.payload()).encode();
            case IPMI -> s.payload();
        };
    }
}
