package org.fence4j.ipmi.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.Rakp;
import org.fence4j.ipmi.crypto.SessionKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCryptoTest {
    private static final int CONSOLE = 0x11223344;
    private static final int BMC = 0x55667788;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 17})
    void aSealedMessageOpensOnceOnlyAtTheRightSession(int id) {
        CipherSuite suite = CipherSuite.require(id);
        SessionKeys keys = Rakp.keys(suite.authentication(), new byte[] {1, 2, 3});
        SessionCrypto console = new SessionCrypto(suite, keys, BMC, CONSOLE, new SecureRandom());
        SessionCrypto bmc = new SessionCrypto(suite, keys, CONSOLE, BMC, new SecureRandom());
        SessionCrypto otherSession = new SessionCrypto(suite, keys, CONSOLE, BMC + 1, new SecureRandom());
        byte[] message = {0x20, 0x00, (byte) 0xe0, (byte) 0x81, 0x04, 0x01, 0x7a};
        byte[] datagram = console.seal(message);

        assertThat(otherSession.open(datagram)).isEmpty();
        assertThat(bmc.open(datagram)).contains(message);
        assertThat(bmc.open(datagram)).as("replay").isEmpty();
        byte[] second = console.seal(message);
        if (suite.integrity() != org.fence4j.ipmi.crypto.IntegrityAlgorithm.NONE) {
            byte[] tampered = second.clone();
            tampered[tampered.length - 20] ^= 0x01;
            assertThat(bmc.open(tampered)).as("tampered").isEmpty();
        }
        assertThat(bmc.open(second)).contains(message);
    }
}
