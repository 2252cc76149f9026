package org.fence4j.redfish.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which BMC certificates are trusted: the system's CAs (the default), the CAs of a PEM file, one
 * certificate by its SHA-256 fingerprint (a pin: the host name need not match), or any (insecure,
 * only when asked). Made without I/O; the context is built at the first connection.
 */
public final class TlsTrust {
    /** The certificate of a refused handshake: its fingerprint is what a pin would name. */
    private final ThreadLocal<X509Certificate> lastPresented = new ThreadLocal<>();
    private final Mode mode;
    private final Path caFile;
    private final Fingerprint pin;
    private SSLSocketFactory factory;

    public enum Mode { SYSTEM, CA_FILE, PIN, INSECURE }

    private TlsTrust(Mode mode, Path caFile, Fingerprint pin) {
        this.mode = mode;
        this.caFile = caFile;
        this.pin = pin;
    }

    public static TlsTrust system() {
        return new TlsTrust(Mode.SYSTEM, null, null);
    }

    public static TlsTrust caFile(Path pem) {
        return new TlsTrust(Mode.CA_FILE, pem, null);
    }

    public static TlsTrust pinned(Fingerprint sha256) {
        return new TlsTrust(Mode.PIN, null, sha256);
    }

    public static TlsTrust insecure() {
        return new TlsTrust(Mode.INSECURE, null, null);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The socket factory of every connection; throws IllegalStateException when ssl_ca_file cannot be
     * used. Asked before a connection is opened, it also makes {@link NoDefaultSocketFactory} the
     * JVM's default, which each new HttpsURLConnection would otherwise build.
     */
    public synchronized SSLSocketFactory socketFactory() {
        NoDefaultSocketFactory.install();
        if (factory == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new ServerTrustManager(check(), (chain, refusal) ->
                        lastPresented.set(refusal == null || chain == null || chain.length == 0 ? null : chain[0]))},
                        null);
                factory = new DirectSslSocketFactory(context.getSocketFactory());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return factory;
    }

    /** A pin names the certificate itself, and insecure trusts any: neither checks the host name. */
    public HostnameVerifier hostnameVerifier() {
        return mode == Mode.PIN || mode == Mode.INSECURE ? (host, session) -> true
                : HttpsURLConnection.getDefaultHostnameVerifier();
    }

    /** The certificate the BMC presented in this thread's last refused handshake, if any. */
    public Optional<X509Certificate> refusedCertificate() {
        return Optional.ofNullable(lastPresented.get());
    }

    private ServerTrustManager.ServerCheck check() throws GeneralSecurityException {
        return switch (mode) {
            case SYSTEM -> ServerTrustManager.delegating(pkix(null));
            case CA_FILE -> ServerTrustManager.delegating(pkix(caStore()));
            case PIN -> ServerTrustManager.pinned(pin);
            case INSECURE -> ServerTrustManager.pinned(null);
        };
    }

    private KeyStore caStore() throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("ssl_ca_file: cannot read certificates from " + caFile + ": "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("ssl_ca_file: " + caFile + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a key store", e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca" + i++, certificate);
        }
        return store;
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
