package org.fence4j.redfish.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The simulated BMC's certificate and key: made once per process by the JDK's keytool (an EC P-256
 * key, self-signed, naming localhost, 127.0.0.1 and ::1), as a BMC makes its own at first boot.
 * Netty's SelfSignedCertificate would need BouncyCastle or names no IP address.
 */
public record SimCertificate(X509Certificate certificate, PrivateKey key) {
    private static final char[] STORE_PASSWORD = "simulated".toCharArray();
    private static final long KEYTOOL_SECONDS = 60;
    private static SimCertificate generated;

    /** The process's certificate, generated at the first call. */
    public static synchronized SimCertificate generated() {
        if (generated == null) {
            generated = generate();
        }
        return generated;
    }

    private static SimCertificate generate() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("redfish-sim-cert");
            Path store = dir.resolve("bmc.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-keystore", store.toString(), "-storetype",
                    "PKCS12", "-storepass", new String(STORE_PASSWORD), "-alias", "bmc", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-validity", "3650", "-dname", "CN=localhost, O=fence4j simulated Redfish BMC",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                    // its own CA too, as OpenSSL's clients (fence_redfish, sushy) want of a certificate they trust
                    "-ext", "BC:c=ca:true").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a certificate: " + output.strip());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD);
            }
            return new SimCertificate((X509Certificate) keys.getCertificate("bmc"),
                    (PrivateKey) keys.getKey("bmc", STORE_PASSWORD));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the simulated BMC's certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the simulated BMC's certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The certificate in PEM, for a client's CA file. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint of the certificate, AB:CD:... as openssl prints it. */
    public String fingerprint() {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded())).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind holds only the simulator's own key
        }
    }

    @Override
    public String toString() {
        return "SimCertificate[" + certificate.getSubjectX500Principal() + "]";
    }
}
