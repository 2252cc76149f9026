package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.redfish.http.Endpoint;
import org.fence4j.redfish.http.HttpTransport;
import org.fence4j.redfish.http.NotSentException;
import org.fence4j.redfish.http.Request;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.fence4j.redfish.tls.TlsTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, authentication, TLS trust and addresses of the redfish driver, against the simulated BMC. */
class RedfishSessionsAndTlsTest {
    @TempDir
    Path dir;

    private static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    private static FenceResult status(RedfishLab lab, String... keyValues) throws Exception {
        return lab.agent(keyValues).execute(FenceAction.STATUS, "pm02", soon());
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            FenceResult status = status(new RedfishLab(bmc), "password", "not-the-password");

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("authentication failed", "'admin'").doesNotContain("not-the-password");
        }
    }

    @Test
    void withoutSessionServiceHttpBasicIsUsed() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().sessionService(false).start()) {
            assertThat(status(new RedfishLab(bmc)).power()).isEqualTo(PowerState.ON);
            assertThat(bmc.sessionsCreated()).isZero();
            assertThat(status(new RedfishLab(bmc), "password", "wrong").message()).contains("authentication failed");
        }
    }

    @Test
    void aSessionTheBmcForgotIsOpenedAgainOnceAndDeletedAtTheEnd() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            PowerDevice device = new RedfishLab(bmc).device();
            try (PowerConnection connection = device.connect(soon())) {
                assertThat(connection.readPower(soon())).isEqualTo(PowerState.ON);
                bmc.expireSessions();
                assertThat(connection.readPower(soon())).isEqualTo(PowerState.ON);
            }
            assertThat(bmc.sessionsCreated()).isEqualTo(2);
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void noFreeSessionIsSaidPlainly() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().sessionLimit(1).start()) {
            RedfishLab lab = new RedfishLab(bmc);
            try (PowerConnection held = lab.device().connect(soon())) {
                FenceResult status = status(lab);

                assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
                assertThat(status.message()).contains("no free session", "maximum number of sessions", "RAC0218");
            }
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void aRefusalOfForceOffToASystemAlreadyOffIsSuccess() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().powerOn(false).start()) {
            try (PowerConnection connection = new RedfishLab(bmc).device().connect(soon())) {
                connection.setPower(false, soon());
                assertThat(connection.readPower(soon())).isEqualTo(PowerState.OFF);
            }
            assertThat(bmc.resets("1")).containsExactly("ForceOff");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedNamingItsFingerprint() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            FenceResult status = status(new RedfishLab(bmc), "ssl_fingerprint", "");

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("is refused: no CA of the system signs it", "ssl_fingerprint=" + bmc.certificate().fingerprint());
            assertThat(bmc.requests()).isEmpty();
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeAnyRequest() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            FenceResult status = status(new RedfishLab(bmc), "ssl_fingerprint", "00".repeat(32));

            assertThat(status.message()).contains("not the ssl_fingerprint given");
            assertThat(bmc.requests()).isEmpty();
        }
    }

    @Test
    void aCaFileTrustsTheCertificateItSigns() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            Path pem = Files.writeString(dir.resolve("bmc-ca.pem"), bmc.certificate().pem());

            assertThat(status(new RedfishLab(bmc), "ssl_ca_file", pem.toString()).power()).isEqualTo(PowerState.ON);
            assertThat(status(new RedfishLab(bmc), "ssl_ca_file", pem.toString(), "ip", "localhost").power())
                    .isEqualTo(PowerState.ON);
        }
    }

    @Test
    void aCaSignedCertificateThatDoesNotNameTheAddressIsRefusedSayingWhatItNames() throws Exception {
        // the simulator's certificate names localhost, 127.0.0.1 and ::1
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().address(InetAddress.getByName("127.0.0.2")).start()) {
            Path pem = Files.writeString(dir.resolve("bmc-ca.pem"), bmc.certificate().pem());
            FenceResult status = status(new RedfishLab(bmc), "ssl_ca_file", pem.toString(), "ip", "127.0.0.2");

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("is refused: it does not name 127.0.0.2 (it names localhost,"
                    + " 127.0.0.1, ");
            assertThat(bmc.requests()).isEmpty();
        }
    }

    @Test
    void aTlsHandshakeThatTricklesInEndsByTheDeadline() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start();
                TricklingProxy proxy = new TricklingProxy(bmc.port(), Duration.ofMillis(20))) {
            HttpTransport http = new HttpTransport(new Endpoint(true, "127.0.0.1", proxy.port()), TlsTrust.insecure());

            // each byte of the handshake comes well within the read timeout; the whole takes half a minute
            assertThatThrownBy(() -> http.exchange(Request.get("/redfish/v1", Map.of()),
                    Deadline.after(Duration.ofSeconds(1))))
                    .isInstanceOf(NotSentException.class)
                    .hasMessageStartingWith("not connected by the deadline");
            assertThat(proxy.awaitEnd(Duration.ofSeconds(20))).as("the client hung up").isTrue();
            assertThat(proxy.relayedBack()).as("bytes of the BMC's handshake relayed").isBetween(1, 400);
        }
    }

    @Test
    void sslInsecureTrustsAnyCertificate() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            assertThat(status(new RedfishLab(bmc), "ssl_insecure", "1").power()).isEqualTo(PowerState.ON);
        }
    }

    @Test
    void thePasswordNeverGoesOutWithoutTlsUnlessSslIsZero() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().tls(false).start()) {
            RedfishLab lab = new RedfishLab(bmc);
            assertThat(status(lab).outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(bmc.requests()).isEmpty();

            assertThat(status(lab, "ssl", "0").power()).isEqualTo(PowerState.ON);
        }
    }

    @Test
    void proxiesOfTheEnvironmentAreIgnored() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", "1");
            try {
                assertThat(status(new RedfishLab(bmc)).power()).isEqualTo(PowerState.ON);
            } finally {
                System.clearProperty("https.proxyHost");
                System.clearProperty("https.proxyPort");
            }
        }
    }

    @Test
    void aSocksProxyOfTheEnvironmentIsNeverUsed() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start();
                SimulatedRedfishBmc plain = RedfishLab.bmc().tls(false).start();
                ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connects = new AtomicInteger();
            Thread recorder = new Thread(() -> {
                try {
                    while (true) {
                        connects.incrementAndGet();
                        proxy.accept().close();
                    }
                } catch (IOException closed) {
                    connects.decrementAndGet();
                }
            }, "socks-proxy-recorder");
            recorder.setDaemon(true);
            recorder.start();
            System.setProperty("socksProxyHost", "127.0.0.1");
            // by default the JDK sends no loopback address through a SOCKS proxy; a BMC is not on loopback
            System.setProperty("socksNonProxyHosts", "");
            System.setProperty("socksProxyPort", Integer.toString(proxy.getLocalPort()));
            try {
                assertThat(status(new RedfishLab(bmc)).message()).contains("powered on");
                assertThat(status(new RedfishLab(plain), "ssl", "0").message()).contains("powered on");
            } finally {
                System.clearProperty("socksProxyHost");
                System.clearProperty("socksProxyPort");
                System.clearProperty("socksNonProxyHosts");
            }
            proxy.close();
            recorder.join(Duration.ofSeconds(5).toMillis());
            assertThat(connects).hasValue(0);
        }
    }

    @Test
    void anIpv6LiteralWorksWithAndWithoutBracketsAndHostPortToo() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().address(InetAddress.getByName("::1")).start()) {
            RedfishLab lab = new RedfishLab(bmc);
            assertThat(status(lab, "ip", "::1").power()).isEqualTo(PowerState.ON);
            assertThat(status(lab, "ip", "[::1]").power()).isEqualTo(PowerState.ON);
            assertThat(status(lab, "ip", "[::1]:" + bmc.port(), "ipport", "443").power()).isEqualTo(PowerState.ON);
        }
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            assertThat(status(new RedfishLab(bmc), "ip", "127.0.0.1:" + bmc.port(), "ipport", "443").power())
                    .isEqualTo(PowerState.ON);
        }
    }

    @Test
    void badParametersAreRefusedNamingEach() {
        assertThatThrownBy(() -> new RedfishLab(RedfishLab.bmc().tls(false).start()).device("ip", "[::1",
                "ssl_fingerprint", "12:34", "ssl_insecure", "1"))
                .hasMessageContaining("ip: expected an IPv6 literal in brackets")
                .hasMessageContaining("ssl_insecure: contradicts ssl_fingerprint");
    }
}
