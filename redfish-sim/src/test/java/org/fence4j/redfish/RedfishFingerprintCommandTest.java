package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.redfish.cli.FingerprintCommand;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code fence-cli redfish-fingerprint} against the simulated Redfish BMC, and against what is no BMC. */
class RedfishFingerprintCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new FingerprintCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsTheCertificatesFingerprintAsSslFingerprintTakesItAndThePinThenWorks() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            assertThat(run("127.0.0.1:" + bmc.port())).as(err.toString()).isZero();

            String pin = out.toString().lines().filter(l -> l.startsWith("ssl_fingerprint=")).findFirst().orElseThrow()
                    .substring("ssl_fingerprint=".length());
            assertThat(pin).isEqualTo(bmc.certificate().fingerprint());
            assertThat(out.toString()).contains("# 127.0.0.1:" + bmc.port() + " presented this certificate (not"
                    + " verified", "# subject: ", "(self-signed)", "# valid:   ", "# SHA-256: " + pin);
            // only the handshake: no request, no credentials
            assertThat(bmc.requests()).isEmpty();

            FenceResult status = new RedfishLab(bmc).agent("ssl_fingerprint", pin).execute(FenceAction.STATUS,
                    "pm02", Deadline.after(Duration.ofSeconds(15)));
            assertThat(status.power()).as(status.message()).isEqualTo(PowerState.ON);
        }
    }

    @Test
    void thePortMayBeAnOptionAsFenceRedfishsIpport() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            assertThat(run("127.0.0.1", "--ipport", String.valueOf(bmc.port()))).as(err.toString()).isZero();
            assertThat(out.toString()).contains("ssl_fingerprint=" + bmc.certificate().fingerprint());
            assertThat(run("127.0.0.1:1", "-u", "2")).isEqualTo(2);
            assertThat(err.toString()).contains("HOST names port 1, and --ipport 2: give the port once");
        }
    }

    @Test
    void aHostWhereNothingListensIsOneClearLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(run("127.0.0.1:" + closed)).isEqualTo(1);
        assertThat(err.toString()).startsWith("fence-cli redfish-fingerprint: cannot connect to 127.0.0.1:" + closed
                + ": Connection refused").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aServiceWithoutTlsIsSaidSo() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().tls(false).start()) {
            assertThat(run("127.0.0.1:" + bmc.port())).isEqualTo(1);
            assertThat(err.toString()).contains("127.0.0.1:" + bmc.port() + " presented no certificate: is it a TLS"
                    + " (HTTPS) service?").hasLineCount(1);
        }
    }

    @Test
    void aServiceThatNeverSpeaksTlsEndsAtTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket taken = silent.accept()) {
                    // holds the connection open and says nothing, until the client gives up and closes
                    taken.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException closed) {
                    // the test ends
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertThat(run("127.0.0.1:" + silent.getLocalPort(), "--connect-timeout", "0.5")).isEqualTo(1);
            assertThat(err.toString()).contains("accepted the connection but finished no TLS handshake in 500 ms");
        }
    }

    @Test
    void aHostThatIsNoAddressIsAUsageError() {
        assertThat(run("bmc one")).isEqualTo(2);
        assertThat(err.toString()).contains("HOST: expected a host name or an IP address, got 'bmc one'");
    }
}
