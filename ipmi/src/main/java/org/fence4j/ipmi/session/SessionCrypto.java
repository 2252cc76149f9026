package org.fence4j.ipmi.session;

import java.security.SecureRandom;
import java.util.Optional;
import org.fence4j.ipmi.crypto.AesCbc128;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.ConfidentialityAlgorithm;
import org.fence4j.ipmi.crypto.IntegrityAlgorithm;
import org.fence4j.ipmi.crypto.IntegrityKey;
import org.fence4j.ipmi.crypto.SessionKeys;
import org.fence4j.ipmi.rmcp.MalformedPacketException;
import org.fence4j.ipmi.rmcp.PayloadType;
import org.fence4j.ipmi.rmcp.RmcpCodec;
import org.fence4j.ipmi.rmcp.RmcpPacket;
import org.fence4j.ipmi.rmcp.SessionPacket;

/**
 * One end of an active session: seals outbound IPMI messages (sequence number, encryption,
 * integrity) and opens inbound ones, dropping whatever is not authentic, not ours or replayed.
 * Used by the console and by the simulated BMC alike. Not thread-safe: one event loop uses it.
 *
 * @param outboundSessionId the peer's session id, carried by what we send
 * @param inboundSessionId  our session id, carried by what we accept
 */
public final class SessionCrypto {
    private final CipherSuite suite;
    /** The session keys, keyed once: each packet would otherwise hash K1's pads and expand K2 again. */
    private final IntegrityKey k1;
    private final AesCbc128 k2;
    private final int outboundSessionId;
    private final int inboundSessionId;
    private final SecureRandom random;
    private final SequenceWindow window = new SequenceWindow();
    private int nextSequence = 1;

    public SessionCrypto(CipherSuite suite, SessionKeys keys, int outboundSessionId, int inboundSessionId,
            SecureRandom random) {
        this.suite = suite;
        this.k1 = suite.integrity().key(keys.k1());
        this.k2 = suite.confidentiality() == ConfidentialityAlgorithm.AES_CBC_128 ? new AesCbc128(keys.k2()) : null;
        this.outboundSessionId = outboundSessionId;
        this.inboundSessionId = inboundSessionId;
        this.random = random;
    }

    public CipherSuite suite() {
        return suite;
    }

    public byte[] seal(byte[] message) {
        boolean encrypt = suite.confidentiality() == ConfidentialityAlgorithm.AES_CBC_128;
        byte[] payload = message;
        if (encrypt) {
            byte[] iv = new byte[AesCbc128.BLOCK];
            random.nextBytes(iv);
            payload = k2.encrypt(iv, message);
        }
        int sequence = nextSequence++;
        if (nextSequence == 0) {
            nextSequence = 1;
        }
        SessionPacket p = new SessionPacket(PayloadType.IPMI, encrypt, suite.integrity() != IntegrityAlgorithm.NONE,
                outboundSessionId, sequence, payload);
        return RmcpCodec.encode(p, k1);
    }

    /** The IPMI message inside, or empty when the datagram must be dropped. */
    public Optional<byte[]> open(byte[] datagram) {
        RmcpPacket packet;
        try {
            packet = RmcpCodec.decode(datagram);
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
        if (!(packet instanceof SessionPacket p) || p.type() != PayloadType.IPMI || p.sessionId() != inboundSessionId) {
            return Optional.empty();
        }
        boolean wantAuth = suite.integrity() != IntegrityAlgorithm.NONE;
        boolean wantCrypt = suite.confidentiality() != ConfidentialityAlgorithm.NONE;
        if (p.authenticated() != wantAuth || p.encrypted() != wantCrypt) {
            return Optional.empty();
        }
        if (wantAuth && !k1.verify(datagram, RmcpCodec.SIGNED_FROM)) {
            return Optional.empty();
        }
        Optional<byte[]> message = wantCrypt ? k2.decrypt(p.payload()) : Optional.of(p.payload());
        // the window moves only for authentic packets, so a forged number cannot push it away
        return message.isPresent() && window.accept(p.sequence()) ? message : Optional.empty();
    }
}
