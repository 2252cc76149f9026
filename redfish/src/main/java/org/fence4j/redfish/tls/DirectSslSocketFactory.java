package org.fence4j.redfish.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS over a socket that never goes through a proxy. The JDK's own sockets ask the default
 * ProxySelector for a SOCKS proxy ({@code -DsocksProxyHost}, {@code java.net.useSystemProxies})
 * even for a connection opened with {@code Proxy.NO_PROXY}; a {@code new Socket(Proxy.NO_PROXY)} does
 * not. {@code HttpsURLConnection} connects the unconnected socket of {@link #createSocket()} and then
 * layers TLS on it with {@link #createSocket(Socket, String, int, boolean)}.
 */
final class DirectSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;

    DirectSslSocketFactory(SSLSocketFactory tls) {
        this.tls = tls;
    }

    @Override
    public Socket createSocket() {
        return new Socket(Proxy.NO_PROXY);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layered(new InetSocketAddress(host, port), null, 0, host);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return layered(new InetSocketAddress(host, port), localHost, localPort, host);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return layered(new InetSocketAddress(address, port), null, 0, address.getHostAddress());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return layered(new InetSocketAddress(address, port), localAddress, localPort, address.getHostAddress());
    }

    private Socket layered(InetSocketAddress remote, InetAddress local, int localPort, String host) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null || localPort != 0) {
                socket.bind(new InetSocketAddress(local, localPort));
            }
            socket.connect(remote);
            return tls.createSocket(socket, host, remote.getPort(), true);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
