package org.fence4j.redfish.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.fence4j.redfish.http.Endpoint;

/**
 * The certificate chain a TLS service presents, read without trusting it, as ssh-keyscan reads a
 * host key: only the handshake is done, nothing is sent over it. What it returns is unverified: the
 * operator compares its fingerprint with the BMC's own before pinning it.
 */
public final class CertificateProbe {
    private CertificateProbe() {
    }

    /**
     * The presented chain, leaf first. Connecting and each read of the handshake wait at most
     * {@code timeout}; every failure is an IOException whose message says what went wrong.
     */
    public static List<X509Certificate> presented(String host, int port, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ServerTrustManager(ServerTrustManager.pinned(null),
                    (chain, refusal) -> seen.set(chain))}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        String where = new Endpoint(true, host, port).authority();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve the host name '" + host + "'");
        }
        try (Socket plain = new Socket(Proxy.NO_PROXY)) {
            try {
                plain.connect(address, millis);
            } catch (SocketTimeoutException e) {
                throw new IOException("cannot connect to " + where + ": no answer in " + millis + " ms", e);
            } catch (IOException e) {
                throw new IOException("cannot connect to " + where + ": " + e.getMessage(), e);
            }
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                tls.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new IOException(where + " accepted the connection but finished no TLS handshake in " + millis
                        + " ms", e);
            } catch (SSLException e) {
                if (seen.get() == null) {
                    throw new IOException(where + " presented no certificate: is it a TLS (HTTPS) service? ("
                            + e.getMessage() + ")", e);
                }
                // the certificate came; what failed after it does not matter here
            } catch (IOException e) {
                if (seen.get() == null) {
                    throw new IOException(where + ": the TLS handshake failed: " + e.getMessage(), e);
                }
            }
        }
        X509Certificate[] chain = seen.get();
        if (chain == null || chain.length == 0) {
            throw new IOException(where + " presented no certificate");
        }
        return List.of(chain);
    }
}
