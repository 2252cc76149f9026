package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.MonotonicClock;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.redfish.http.AnswerLostException;
import org.fence4j.redfish.http.HttpTransport;
import org.fence4j.redfish.http.NotSentException;
import org.fence4j.redfish.http.Reply;
import org.fence4j.redfish.http.Request;
import org.fence4j.redfish.tls.Fingerprint;
import org.fence4j.redfish.tls.TlsTrust;
import org.fence4j.redfish.tls.WrongNameException;
import org.slf4j.LoggerFactory;

/**
 * An authenticated conversation with a Redfish service: a session of its SessionService
 * (X-Auth-Token), or HTTP Basic where the service has none. Every request is bounded by the
 * caller's deadline and by the settings' limit per try; requests that may be sent twice (GET,
 * DELETE) are tried again after a 503 or a dropped connection, the login after a 503, any request
 * when it was never sent, and a request refused with 401 after one fresh login; an action's 503 is
 * not resent. Passwords and tokens are masked in what the BMC answers. Closing deletes the session.
 */
final class RedfishSession implements AutoCloseable {
    /**
     * What closing may take at most, even past the action's deadline: a session left behind fills
     * the BMC's few slots until it expires. Within AgentCall.GRACE, so the agent still answers in time.
     */
    static final Duration LOGOUT_LIMIT = Duration.ofSeconds(1);
    /**
     * Tries in a row whose connection was refused, {@link #REFUSED_PAUSE} apart, for that to be the
     * answer: nothing listens on the port (a web server restarting is given about 2 s), as an IPMI
     * login takes ICMP port unreachable. A forged refusal only makes a failure come sooner.
     */
    private static final int REFUSALS_TO_BELIEVE = 3;
    private static final Duration REFUSED_PAUSE = Duration.ofSeconds(1);
    private static final Map<String, String> JSON_HEADERS = Map.of("Accept", "application/json", "OData-Version", "4.0");

    private final HttpTransport http;
    private final RedfishSettings settings;
    private final MonotonicClock clock;
    private JsonNode serviceRoot;
    private String sessionsPath;
    private String token;
    private String sessionPath;
    private boolean basic;
    private boolean loggedInAgain;
    /** Said in a failure: a login whose answer was lost may have left a session on the BMC. */
    private String lostLogin = "";
    /** Past the service root and the login: each try is bounded by shell_timeout from here on. */
    private boolean loggedIn;

    private RedfishSession(HttpTransport http, RedfishSettings settings, MonotonicClock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reads the service root (no credentials needed there) and logs in, all by {@code deadline}; a
     * session opened before a later step failed is deleted.
     */
    static RedfishSession open(HttpTransport http, RedfishSettings settings, Deadline deadline)
            throws InterruptedException {
        RedfishSession session = new RedfishSession(http, settings, deadline.clock());
        try {
            session.start(deadline);
        } catch (RuntimeException | InterruptedException e) {
            session.close();
            throw e;
        }
        session.loggedIn = true;
        return session;
    }

    JsonNode serviceRoot() {
        return serviceRoot;
    }

    String base() {
        return http.endpoint().base();
    }

    /** The path a reference of the service names, relative to the service root; another scheme is refused. */
    String pathOf(String reference) {
        return pathOf(reference, settings.redfishUri());
    }

    /** The path a reference names, relative to {@code requestPath} (a Location, say); another scheme is refused. */
    String pathOf(String reference, String requestPath) {
        try {
            return http.endpoint().pathOf(reference, requestPath);
        } catch (IllegalArgumentException e) {
            throw new RedfishException("the BMC named " + e.getMessage());
        }
    }

    /** A member of a collection by its Id. */
    static String member(String collection, String id) {
        return collection + "/" + URLEncoder.encode(id.strip(), StandardCharsets.UTF_8).replace("+", "%20");
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
     * Posts a JSON body ({@link Json#object}); the answer whatever its status. Resent only when it never
     * left, or was refused 401 before a fresh login. A lost answer, or a 503 (a proxy inside the BMC may
     * answer 503 after the backend acted), is {@link AnswerLost}: the caller decides after reading the power.
     */
    Reply post(String path, byte[] body, Deadline by) throws InterruptedException {
        return send(postOf(path, body), by, Unavailable.MAY_HAVE_ACTED);
    }

    private static Request postOf(String path, byte[] body) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("Content-Type", "application/json");
        return new Request("POST", path, headers, body);
    }

    /** A failure that names what was asked and quotes what the service answered. */
    RedfishException refused(String what, Reply reply) {
        if (reply.status() == 401) {
            return new RedfishException("authentication failed: the BMC refused user '" + settings.username()
                    + "' with the password given (" + what + ": " + describe(reply) + ")" + lostLogin);
        }
        return new RedfishException(what + ": " + describe(reply) + lostLogin);
    }

    /**
     * An answer in one line, the password and the session token masked: some BMCs quote the values
     * they were sent ("The value 'hunter2' for the property Password ...").
     */
    String describe(Reply reply) {
        List<String> secrets = new ArrayList<>(2);
        byte[] password = settings.password().bytes();
        secrets.add(new String(password, StandardCharsets.UTF_8));
        java.util.Arrays.fill(password, (byte) 0);
        if (token != null) {
            secrets.add(token);
        }
        return RedfishErrors.describe(reply, secrets);
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
            ProtocolSteps.say("redfish", "the service root names no SessionService: HTTP Basic as user '{}'",
                    settings.username());
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
            reply = send(postOf(sessionsPath, Json.object(credentials)), deadline, Unavailable.NOT_TAKEN);
        } catch (AnswerLost e) {
            // nothing names the session the BMC may have opened: it stays until the BMC expires it
            lostLogin = "; the answer to the login at " + sessionsPath + " was lost (" + e.getMessage() + "): a"
                    + " session the BMC may have opened stays until its session timeout";
            LoggerFactory.getLogger(RedfishSession.class).warn("At {}{}; using HTTP Basic authentication instead.",
                    base(), lostLogin);
            basic = true;
            return;
        }
        if (reply.status() == 404 || reply.status() == 405 || reply.status() == 501) {
            ProtocolSteps.say("redfish", "no session at {}: HTTP Basic as user '{}'", sessionsPath, settings.username());
            basic = true;
            return;
        }
        if (RedfishErrors.sessionLimit(reply)) {
            throw new RedfishException("the BMC has no free session: its maximum number of sessions is reached ("
                    + describe(reply) + "); fence4j deletes every session it opens: close the"
                    + " stale sessions on the BMC, or wait until they expire");
        }
        if (!reply.succeeded()) {
            throw refused("login at " + sessionsPath, reply);
        }
        token = reply.header("x-auth-token").filter(t -> !t.isBlank()).orElseThrow(() -> new RedfishException(
                "the BMC accepted the login at " + sessionsPath + " but sent no X-Auth-Token"));
        Optional<JsonNode> body = Json.parse(reply.body());
        // known first, so that the session can be deleted even if its Location is refused below
        sessionPath = body.flatMap(b -> Json.text(b, "Id")).filter(id -> !id.isBlank())
                .map(id -> member(sessionsPath, id)).orElse(null);
        Optional<String> named = reply.header("location").or(() -> body.flatMap(b -> Json.text(b, "@odata.id")));
        if (named.isPresent()) {
            sessionPath = pathOf(named.get(), sessionsPath);
        }
        ProtocolSteps.say("redfish", "logged in as user '{}': session {}", settings.username(), sessionPath);
    }

    /** What a 503 means: for a login, a reading or a deletion, not taken; for an action, perhaps done. */
    private enum Unavailable { NOT_TAKEN, MAY_HAVE_ACTED }

    private Reply send(Request request, Deadline by) throws InterruptedException {
        return send(request, by, Unavailable.NOT_TAKEN);
    }

    /**
     * Sends by {@code by}, each try within the limit per try: again after a 503 that means the service
     * did not take it, when it never left, after a drop if it is idempotent, and once after a fresh
     * login when a session was refused (401).
     */
    private Reply send(Request request, Deadline by, Unavailable unavailable) throws InterruptedException {
        Backoff backoff = new Backoff();
        int refused = 0;
        long firstRefused = 0;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Optional<Duration> retryAfter = Optional.empty();
            String failure;
            IOException cause;
            boolean connectionRefused = false;
            try {
                Reply reply = http.exchange(authorized(request), by.atMost(loggedIn ? settings.commandLimit()
                        : settings.loginLimit()));
                ProtocolSteps.say("redfish", "{} -> HTTP {}", request, reply.status());
                if (reply.status() == 401 && token != null && !loggedInAgain) {
                    // the session expired or the BMC restarted: the request was refused, not acted upon
                    loggedInAgain = true;
                    logIn(by);
                    continue;
                }
                if (reply.status() != 503) {
                    return reply;
                }
                if (unavailable == Unavailable.MAY_HAVE_ACTED) {
                    throw new AnswerLost(request + ": " + describe(reply) + ", perhaps after the BMC acted", null);
                }
                retryAfter = Backoff.retryAfter(reply);
                failure = request + ": " + describe(reply);
                cause = null;
            } catch (NotSentException e) {
                if (e.getCause() instanceof SSLException tls) {
                    throw tlsFailure(tls);
                }
                failure = "cannot reach " + base() + " (" + e.getMessage() + ")";
                cause = e;
                ProtocolSteps.say("redfish", "{} -> not sent: {}", request, e.getMessage());
                connectionRefused = e.getCause() instanceof ConnectException;
            } catch (AnswerLostException e) {
                ProtocolSteps.say("redfish", "{} -> no whole answer: {}", request, e.getMessage());
                if (!request.idempotent()) {
                    throw new AnswerLost(request + ": the answer was lost (" + e.getMessage() + ")", e);
                }
                failure = request + ": no answer (" + e.getMessage() + ")";
                cause = e;
            }
            refused = connectionRefused ? refused + 1 : 0;
            if (connectionRefused) {
                firstRefused = refused == 1 ? clock.nanoTime() : firstRefused;
                if (refused == REFUSALS_TO_BELIEVE) {
                    throw nothingListens(refused, firstRefused, cause);
                }
                // the refusal came at once: the next try waits for a port that may open again
                retryAfter = Optional.of(REFUSED_PAUSE);
            }
            if (!backoff.pause(retryAfter, by)) {
                throw new RedfishException(failure + lostLogin, cause);
            }
            ProtocolSteps.say("redfish", "{}: tried again", request);
        }
    }

    private RedfishException nothingListens(int tries, long since, IOException cause) {
        return new RedfishException("nothing listens on TCP port " + http.endpoint().port() + " at "
                + http.endpoint().host() + " (connection refused on " + tries + " tries in "
                + DurationText.of(Duration.ofNanos(clock.nanoTime() - since)) + "; is the BMC's Redfish service"
                + " enabled, and ipport right?)" + lostLogin, cause);
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
                + base() + " (SHA-256 " + f + ") is refused: " + refusal(trust, e) + "; if it is the BMC's own, set"
                + " ssl_fingerprint=" + f, e))
                .orElseGet(() -> new RedfishException("TLS with " + base() + " failed: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()), e));
    }

    /** Why a certificate was refused, in the words of the trust asked for. */
    private String refusal(TlsTrust trust, SSLException e) {
        String host = http.endpoint().host();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WrongNameException wrong) {
                return "it does not name " + host + " (it names " + String.join(", ", wrong.names()) + ")";
            }
        }
        return switch (trust.mode()) {
            case SYSTEM -> "no CA of the system signs it for " + host;
            case CA_FILE -> "no CA of ssl_ca_file signs it for " + host;
            case PIN, INSECURE -> "it is not the ssl_fingerprint given";
        };
    }

    /**
     * Deletes the session within {@link #LOGOUT_LIMIT}, the action's deadline passed or not; never throws.
     * A cancelled call (its thread interrupted) ends at once: the BMC expires the session.
     */
    @Override
    public void close() {
        if (token == null || sessionPath == null) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            leftToExpire();
            token = null;
            return;
        }
        Deadline by = Deadline.after(LOGOUT_LIMIT, clock);
        try {
            Reply reply = http.exchange(authorized(new Request("DELETE", sessionPath, JSON_HEADERS, null)), by);
            ProtocolSteps.say("redfish", "DELETE {} (the session) -> HTTP {}", sessionPath, reply.status());
            if (!reply.succeeded() && reply.status() != 404) {
                LoggerFactory.getLogger(RedfishSession.class).warn("Deleting the session {} at {} failed: {}",
                        sessionPath, base(), describe(reply));
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RedfishSession.class).warn("Deleting the session {} at {} failed ({}); it"
                    + " stays until the BMC expires it.", sessionPath, base(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leftToExpire();
        } finally {
            token = null;
        }
    }

    private void leftToExpire() {
        LoggerFactory.getLogger(RedfishSession.class).warn("Cancelled: the session {} at {} is not deleted; it stays"
                + " until the BMC expires it.", sessionPath, base());
    }
}
