package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.redfish.http.AnswerLostException;
import org.fence4j.redfish.http.HttpTransport;
import org.fence4j.redfish.http.NotSentException;
import org.fence4j.redfish.http.Reply;
import org.fence4j.redfish.http.Request;
import org.fence4j.redfish.tls.Fingerprint;
import org.fence4j.redfish.tls.TlsTrust;
import org.slf4j.LoggerFactory;

/**
 * An authenticated conversation with a Redfish service: a session of its SessionService
 * (X-Auth-Token), or HTTP Basic where the service has none. Every request is bounded by the
 * caller's deadline and by the settings' limit per try; requests that may be sent twice (GET,
 * DELETE) are tried again after a 503 or a dropped connection, any request after a 503 or when it
 * was never sent, and a request refused with 401 after one fresh login. Closing deletes the session.
 */
final class RedfishSession implements AutoCloseable {
    /** What closing may take at most, within the deadline of the action. */
    static final Duration LOGOUT_LIMIT = Duration.ofSeconds(1);
    private static final Map<String, String> JSON_HEADERS = Map.of("Accept", "application/json", "OData-Version", "4.0");

    private final HttpTransport http;
    private final RedfishSettings settings;
    private final Deadline closeBy;
    private JsonNode serviceRoot;
    private String sessionsPath;
    private String token;
    private String sessionPath;
    private boolean basic;
    private boolean loggedInAgain;

    private RedfishSession(HttpTransport http, RedfishSettings settings, Deadline closeBy) {
        this.http = http;
        this.settings = settings;
        this.closeBy = closeBy;
    }

    /** Reads the service root (no credentials needed there) and logs in, all by {@code deadline}. */
    static RedfishSession open(HttpTransport http, RedfishSettings settings, Deadline deadline)
            throws InterruptedException {
        RedfishSession session = new RedfishSession(http, settings, deadline);
        session.start(deadline);
        return session;
    }

    JsonNode serviceRoot() {
        return serviceRoot;
    }

    String base() {
        return http.endpoint().base();
    }

    /** The path a reference of the service names; another host's is refused. */
    String pathOf(String reference) {
        try {
            return http.endpoint().pathOf(reference);
        } catch (IllegalArgumentException e) {
            throw new RedfishException("the BMC named " + e.getMessage());
        }
    }

    /** A resource: answered 2xx with JSON, or a RedfishException saying what the service answered. */
    JsonNode get(String path, Deadline by) throws InterruptedException {
        Reply reply = send(new Request("GET", path, JSON_HEADERS, null), by);
        if (!reply.succeeded()) {
            throw refused("GET " + path, reply);
        }
        return Json.parse(reply.body()).orElseThrow(() -> new RedfishException("the BMC answered GET " + path
                + " with something other than JSON"));
    }

    /** The answer to GET, whatever its status (a task monitor's 202, say). */
    Reply getReply(String path, Deadline by) throws InterruptedException {
        return send(new Request("GET", path, JSON_HEADERS, null), by);
    }

    /**
     * Posts a JSON body ({@link Json#object}); the answer whatever its status. Resent only when the service said it did
     * not take it (503, 401 before a fresh login) or it never left; a lost answer is {@link AnswerLost}.
     */
    Reply post(String path, byte[] body, Deadline by) throws InterruptedException {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("Content-Type", "application/json");
        return send(new Request("POST", path, headers, body), by);
    }

    /** A failure that names what was asked and quotes what the service answered. */
    RedfishException refused(String what, Reply reply) {
        if (reply.status() == 401) {
            return new RedfishException("authentication failed: the BMC refused user '" + settings.username()
                    + "' with the password given (" + what + ": " + RedfishErrors.describe(reply) + ")");
        }
        return new RedfishException(what + ": " + RedfishErrors.describe(reply));
    }

    private void start(Deadline deadline) throws InterruptedException {
        basic = false;
        Reply root = send(new Request("GET", settings.redfishUri(), JSON_HEADERS, null), deadline);
        if (root.status() == 401) {
            // a service root should need no credentials; this one does
            basic = true;
            root = send(new Request("GET", settings.redfishUri(), JSON_HEADERS, null), deadline);
        }
        if (!root.succeeded()) {
            throw refused("GET " + settings.redfishUri() + " (the service root)", root);
        }
        serviceRoot = Json.parse(root.body()).orElseThrow(() -> new RedfishException("the BMC's service root "
                + settings.redfishUri() + " is not JSON: is this a Redfish service?"));
        sessionsPath = Json.link(serviceRoot.path("Links"), "Sessions")
                .or(() -> Json.link(serviceRoot, "SessionService").map(s -> s + "/Sessions"))
                .map(this::pathOf).orElse(null);
        logIn(deadline);
    }

    /** Opens a session; HTTP Basic where the service has no SessionService or its answer was lost. */
    private void logIn(Deadline deadline) throws InterruptedException {
        token = null;
        sessionPath = null;
        if (sessionsPath == null) {
            basic = true;
            return;
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("UserName", settings.username());
        byte[] password = settings.password().bytes();
        credentials.put("Password", new String(password, StandardCharsets.UTF_8));
        java.util.Arrays.fill(password, (byte) 0);
        basic = false;
        Reply reply;
        try {
            reply = post(sessionsPath, Json.object(credentials), deadline);
        } catch (AnswerLost e) {
            LoggerFactory.getLogger(RedfishSession.class).warn("The answer to the login at {} was lost ({});"
                    + " using HTTP Basic authentication instead.", base(), e.getMessage());
            basic = true;
            return;
        }
        if (reply.status() == 404 || reply.status() == 405 || reply.status() == 501) {
            basic = true;
            return;
        }
        if (RedfishErrors.sessionLimit(reply)) {
            throw new RedfishException("the BMC has no free session: its maximum number of sessions is reached ("
                    + RedfishErrors.describe(reply) + "); fence4j deletes every session it opens: close the"
                    + " stale sessions on the BMC, or wait until they expire");
        }
        if (!reply.succeeded()) {
            throw refused("login at " + sessionsPath, reply);
        }
        token = reply.header("x-auth-token").filter(t -> !t.isBlank()).orElseThrow(() -> new RedfishException(
                "the BMC accepted the login at " + sessionsPath + " but sent no X-Auth-Token"));
        Optional<String> session = reply.header("location").or(() -> Json.parse(reply.body())
                .flatMap(b -> Json.text(b, "@odata.id")));
        sessionPath = session.map(this::pathOf).orElse(null);
    }

    /**
     * Sends by {@code by}, each try within the limit per try: again after a 503 (the service did not
     * take it), when it never left, after a drop if it is idempotent, and once after a fresh login
     * when a session was refused (401).
     */
    private Reply send(Request request, Deadline by) throws InterruptedException {
        Backoff backoff = new Backoff();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Optional<Duration> retryAfter = Optional.empty();
            String failure;
            IOException cause;
            try {
                Reply reply = http.exchange(authorized(request), by.atMost(settings.attemptLimit()));
                if (reply.status() == 401 && token != null && !loggedInAgain) {
                    // the session expired or the BMC restarted: the request was refused, not acted upon
                    loggedInAgain = true;
                    logIn(by);
                    continue;
                }
                if (reply.status() != 503) {
                    return reply;
                }
                retryAfter = Backoff.retryAfter(reply);
                failure = request + ": " + RedfishErrors.describe(reply);
                cause = null;
            } catch (NotSentException e) {
                if (e.getCause() instanceof SSLException tls) {
                    throw tlsFailure(tls);
                }
                failure = "cannot reach " + base() + " (" + e.getMessage() + ")";
                cause = e;
            } catch (AnswerLostException e) {
                if (!request.idempotent()) {
                    throw new AnswerLost(request + ": the answer was lost (" + e.getMessage() + ")", e);
                }
                failure = request + ": no answer (" + e.getMessage() + ")";
                cause = e;
            }
            if (!backoff.pause(retryAfter, by)) {
                throw new RedfishException(failure, cause);
            }
        }
    }

    private Request authorized(Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        if (token != null) {
            headers.put("X-Auth-Token", token);
        } else if (basic) {
            byte[] password = settings.password().bytes();
            byte[] pair = (settings.username() + ":" + new String(password, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            java.util.Arrays.fill(password, (byte) 0);
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair));
            java.util.Arrays.fill(pair, (byte) 0);
        }
        return new Request(request.method(), request.path(), headers, request.body());
    }

    private RedfishException tlsFailure(SSLException e) {
        TlsTrust trust = http.trust();
        return trust.refusedCertificate().map(Fingerprint::of).map(f -> new RedfishException("the TLS certificate of "
                + base() + " (SHA-256 " + f + ") is refused: " + switch (trust.mode()) {
                    case SYSTEM -> "no CA of the system signs it for " + http.endpoint().host();
                    case CA_FILE -> "no CA of ssl_ca_file signs it for " + http.endpoint().host();
                    case PIN, INSECURE -> "it is not the ssl_fingerprint given";
                } + "; if it is the BMC's own, set ssl_fingerprint=" + f, e))
                .orElseGet(() -> new RedfishException("TLS with " + base() + " failed: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()), e));
    }

    /** Deletes the session, within the action's deadline and {@link #LOGOUT_LIMIT}; never throws. */
    @Override
    public void close() {
        if (token == null || sessionPath == null) {
            return;
        }
        Deadline by = closeBy.atMost(LOGOUT_LIMIT);
        try {
            Reply reply = http.exchange(authorized(new Request("DELETE", sessionPath, JSON_HEADERS, null)), by);
            if (!reply.succeeded() && reply.status() != 404) {
                LoggerFactory.getLogger(RedfishSession.class).warn("Deleting the session {} at {} failed: {}",
                        sessionPath, base(), RedfishErrors.describe(reply));
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RedfishSession.class).warn("Deleting the session {} at {} failed ({}); it"
                    + " stays until the BMC expires it.", sessionPath, base(), e.getMessage());
        } finally {
            token = null;
        }
    }
}
