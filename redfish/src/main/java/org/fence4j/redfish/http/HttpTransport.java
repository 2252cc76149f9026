package org.fence4j.redfish.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.redfish.tls.TlsTrust;

/**
 * One HTTP exchange at a time with one service, over the JDK's {@link HttpURLConnection} (it starts
 * faster than {@code java.net.http.HttpClient}: see redfish/README.md). Connections are kept alive
 * between exchanges. Proxies of the environment are never used; redirects are not followed; a POST
 * is written in streaming mode, which the JDK never resends by itself.
 */
public final class HttpTransport {
    /** Headers kept of an answer: what Redfish uses. */
    private static final List<String> HEADERS = List.of("location", "retry-after", "x-auth-token", "content-type");
    /** A Redfish resource is a few kilobytes; a larger answer is not one. */
    static final int MOST_BODY_BYTES = 1 << 20;

    private final Endpoint endpoint;
    private final TlsTrust trust;
    private final NameLookup.Resolver resolver;

    public HttpTransport(Endpoint endpoint, TlsTrust trust) {
        this(endpoint, trust, NameLookup.SYSTEM);
    }

    HttpTransport(Endpoint endpoint, TlsTrust trust, NameLookup.Resolver resolver) {
        this.endpoint = endpoint;
        this.trust = trust;
        this.resolver = resolver;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public TlsTrust trust() {
        return trust;
    }

    /**
     * Sends {@code request} and reads the whole answer by {@code by}: the name lookup, connect, TLS
     * handshake, request and answer all end by then, however slowly the service trickles its bytes
     * ({@link NameLookup}, {@link ExchangeWatch}). An interrupt of the calling thread ends it at once,
     * whatever the service answers.
     *
     * @throws NotSentException     nothing was sent (no connection, TLS refused, no time left)
     * @throws AnswerLostException  it may have been sent, and no whole answer came
     * @throws InterruptedException the thread was interrupted: whatever the answer, it is not used
     */
    public Reply exchange(Request request, Deadline by)
            throws NotSentException, AnswerLostException, InterruptedException {
        int millis = (int) Math.min(Integer.MAX_VALUE, by.remainingMillis());
        if (millis <= 0) {
            // a timeout of 0 would mean no limit at all
            throw new NotSentException("no time left for " + request, null);
        }
        NameLookup.resolve(endpoint.host(), resolver, by);
        HttpURLConnection connection;
        try {
            connection = open(request, millis);
        } catch (IOException e) {
            throw new NotSentException(cause(e), e);
        }
        ExchangeWatch.watch(connection, by);
        try {
            Reply reply = exchange(connection, request, by);
            interrupted(connection, request, null);
            return reply;
        } catch (NotSentException | AnswerLostException | RuntimeException e) {
            // closed by ExchangeWatch: the failure is the interrupt's or the deadline's doing
            interrupted(connection, request, e);
            throw e;
        } finally {
            ExchangeWatch.unwatch();
        }
    }

    private static void interrupted(HttpURLConnection connection, Request request, Exception failure)
            throws InterruptedException {
        if (Thread.interrupted()) {
            connection.disconnect();
            InterruptedException interrupted = new InterruptedException(request + " was interrupted");
            if (failure != null) {
                interrupted.addSuppressed(failure);
            }
            throw interrupted;
        }
    }

    private Reply exchange(HttpURLConnection connection, Request request, Deadline by)
            throws NotSentException, AnswerLostException {
        try {
            connection.connect();
        } catch (IOException e) {
            connection.disconnect();
            throw new NotSentException(by.expired() ? "not connected by the deadline (" + cause(e) + ")" : cause(e), e);
        }
        try {
            if (request.body() != null) {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.body());
                }
            }
            int status = connection.getResponseCode();
            Map<String, String> headers = new HashMap<>();
            for (String name : HEADERS) {
                String value = connection.getHeaderField(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            return new Reply(status, headers, body(connection, status, by));
        } catch (IOException e) {
            connection.disconnect();
            throw new AnswerLostException(by.expired() ? "no whole answer by the deadline (" + cause(e) + ")"
                    : cause(e), e);
        }
    }

    private HttpURLConnection open(Request request, int millis) throws IOException {
        // the trust's factory before the connection is made: see TlsTrust.socketFactory
        SSLSocketFactory factory = endpoint.tls() ? trust.socketFactory() : null;
        HttpURLConnection connection = (HttpURLConnection) endpoint.url(request.path()).openConnection(Proxy.NO_PROXY);
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(factory);
            https.setHostnameVerifier(trust.hostnameVerifier());
        }
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setRequestMethod(request.method());
        request.headers().forEach(connection::setRequestProperty);
        if (request.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(request.body().length);
        }
        return connection;
    }

    private static byte[] body(HttpURLConnection connection, int status, Deadline by) throws IOException {
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (stream == null) {
            return new byte[0];
        }
        try (InputStream in = stream) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                body.write(buffer, 0, n);
                if (body.size() > MOST_BODY_BYTES) {
                    throw new IOException("an answer of more than " + MOST_BODY_BYTES + " bytes");
                }
                if (by.expired()) {
                    throw new IOException("the answer was still arriving at the deadline");
                }
            }
            return body.toByteArray();
        }
    }

    /** What went wrong, in words: the exception's class says more than many of its messages. */
    private static String cause(IOException e) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer in time";
        }
        return message == null || message.isBlank() ? name : message.toLowerCase(Locale.ROOT).startsWith(
                name.toLowerCase(Locale.ROOT)) ? message : name + ": " + message;
    }
}
