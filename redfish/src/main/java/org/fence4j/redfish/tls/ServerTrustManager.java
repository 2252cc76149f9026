package org.fence4j.redfish.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** A client's trust manager: checks servers with {@code check}, tells each outcome, trusts no client. */
final class ServerTrustManager extends X509ExtendedTrustManager {

    /** Refuses a server chain by throwing; {@code socket} or {@code engine} may be null. */
    @FunctionalInterface
    interface ServerCheck {
        void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine) throws CertificateException;
    }

    private final ServerCheck check;
    private final BiConsumer<X509Certificate[], CertificateException> outcome;

    ServerTrustManager(ServerCheck check, BiConsumer<X509Certificate[], CertificateException> outcome) {
        this.check = check;
        this.outcome = outcome;
    }

    /**
     * The JDK's check, host name included when the connection asks for it. A chain refused only for
     * its name is a {@link WrongNameException}, so the message can say what it names.
     */
    static ServerCheck delegating(X509ExtendedTrustManager pkix) {
        return (chain, authType, socket, engine) -> {
            try {
                if (socket != null) {
                    pkix.checkServerTrusted(chain, authType, socket);
                } else if (engine != null) {
                    pkix.checkServerTrusted(chain, authType, engine);
                } else {
                    pkix.checkServerTrusted(chain, authType);
                }
            } catch (CertificateException e) {
                if ((socket != null || engine != null) && trustedWithoutName(pkix, chain, authType)) {
                    throw new WrongNameException(chain[0], e);
                }
                throw e;
            }
        };
    }

    private static boolean trustedWithoutName(X509ExtendedTrustManager pkix, X509Certificate[] chain, String authType) {
        try {
            pkix.checkServerTrusted(chain, authType);
            return chain.length > 0;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The one certificate whose SHA-256 fingerprint is {@code pin}, whoever signed it (BMCs mostly
     * present self-signed certificates); with no pin, any certificate (ssl_insecure).
     */
    static ServerCheck pinned(Fingerprint pin) {
        return (chain, authType, socket, engine) -> {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the BMC presented no certificate");
            }
            if (pin != null && !Fingerprint.of(chain[0]).matches(pin)) {
                throw new CertificateException("its certificate's SHA-256 fingerprint is not the ssl_fingerprint given");
            }
        };
    }

    private void server(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
            throws CertificateException {
        try {
            check.check(chain, authType, socket, engine);
            outcome.accept(chain, null);
        } catch (CertificateException e) {
            outcome.accept(chain, e);
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        server(chain, authType, null, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        server(chain, authType, socket, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        server(chain, authType, null, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client of the BMC trusts no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
