package org.fence4j.redfish.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The default socket factory of {@link HttpsURLConnection} in a fence4j JVM: one that makes no
 * socket. Every connection is given its {@link TlsTrust}'s own factory; the JDK's default would
 * only be built (the system's CA store parsed, a key manager set up: tens of milliseconds of a
 * call's start-up) because each new HttpsURLConnection asks for it before it is given its own.
 */
final class NoDefaultSocketFactory extends SSLSocketFactory {
    private static boolean installed;

    private NoDefaultSocketFactory() {
    }

    /**
     * Makes one the default of every HttpsURLConnection of this JVM, once (asking for the default
     * before would build the JDK's).
     */
    static synchronized void install() {
        if (!installed) {
            HttpsURLConnection.setDefaultSSLSocketFactory(new NoDefaultSocketFactory());
            installed = true;
        }
    }

    private static IOException refused() {
        return new IOException("no default TLS trust: a connection of fence4j names its own (TlsTrust)");
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return new String[0];
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return new String[0];
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw refused();
    }
}
