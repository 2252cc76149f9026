package org.fence4j.redfish.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fence4j.agents.cli.FenceCliCommand;
import org.fence4j.redfish.http.Endpoint;
import org.fence4j.redfish.tls.CertificateProbe;
import org.fence4j.redfish.tls.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fence-cli redfish-fingerprint HOST[:PORT]}: the SHA-256 fingerprint of a BMC's certificate
 * for {@code ssl_fingerprint}, read without trusting it, as ssh-keyscan reads a host key. Its
 * output is {@code name=value} lines and comments, as a fence agent reads them on stdin.
 */
@Command(name = "redfish-fingerprint", mixinStandardHelpOptions = true,
        description = {
            "Connects to a Redfish BMC over TLS without verifying it, and prints its certificate's SHA-256"
                    + " fingerprint in the form ssl_fingerprint takes, with the certificate's subject, issuer and"
                    + " validity, and a line to paste into the device's parameters (ssl_fingerprint=...).",
            "Nothing but the TLS handshake is done: no request, no password. Compare the fingerprint with the one"
                    + " the BMC shows (its web interface or console) before you trust it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the fingerprint was printed",
            "1:no certificate: nothing listens there, the service speaks no TLS, or it did not answer in time",
            "2:usage error"})
public final class FingerprintCommand implements FenceCliCommand {
    static final int PRINTED = 0;
    static final int NO_CERTIFICATE = 1;
    static final int USAGE = 2;
    private static final int DEFAULT_PORT = 443;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]",
            description = "The BMC, as ip takes it: a name, an IPv4 address, an IPv6 address with or without"
                    + " brackets, host:port or [IPv6]:port.")
    String host;

    @Option(names = {"-u", "--ipport"}, paramLabel = "PORT",
            description = "TCP port of the Redfish service (default 443, or the port HOST names).")
    Integer port;

    /** Not --timeout: that is fence-cli's own, for a whole fencing request. */
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds to wait to connect, and for each read of the handshake (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Endpoint.Address address;
        try {
            address = Endpoint.parse(host);
        } catch (IllegalArgumentException e) {
            err.println("fence-cli redfish-fingerprint: HOST: " + e.getMessage());
            return USAGE;
        }
        if (port != null && (port < 1 || port > 65535)) {
            err.println("fence-cli redfish-fingerprint: --ipport: expected a TCP port 1-65535, got " + port);
            return USAGE;
        }
        if (port != null && address.port().filter(p -> !p.equals(port)).isPresent()) {
            err.println("fence-cli redfish-fingerprint: HOST names port " + address.port().get() + ", and --ipport "
                    + port + ": give the port once");
            return USAGE;
        }
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
            err.println("fence-cli redfish-fingerprint: --connect-timeout: expected seconds from 0 to 3600, got "
                    + timeoutSeconds);
            return USAGE;
        }
        int chosen = port != null ? port : address.port().orElse(DEFAULT_PORT);
        List<X509Certificate> chain;
        try {
            chain = CertificateProbe.presented(address.host(), chosen,
                    Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        } catch (IOException e) {
            err.println("fence-cli redfish-fingerprint: " + e.getMessage());
            return NO_CERTIFICATE;
        }
        print(out, new Endpoint(true, address.host(), chosen), chain.get(0));
        return PRINTED;
    }

    private static void print(PrintWriter out, Endpoint endpoint, X509Certificate leaf) {
        Instant now = Instant.now();
        Instant from = leaf.getNotBefore().toInstant();
        Instant until = leaf.getNotAfter().toInstant();
        String subject = leaf.getSubjectX500Principal().getName();
        String issuer = leaf.getIssuerX500Principal().getName();
        out.println("# " + endpoint.authority() + " presented this certificate (not verified: compare the"
                + " fingerprint with the BMC's own before you trust it)");
        out.println("# subject: " + subject);
        out.println("# issuer:  " + (issuer.equals(subject) ? issuer + " (self-signed)" : issuer));
        out.println("# valid:   " + from + " to " + until + (now.isBefore(from) ? " (not valid yet)"
                : now.isAfter(until) ? " (expired)" : ""));
        out.println("# SHA-256: " + Fingerprint.of(leaf));
        out.println("ssl_fingerprint=" + Fingerprint.of(leaf));
    }
}
