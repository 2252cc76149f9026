package org.fence4j.redfish;

import static org.fence4j.redfish.RedfishParameters.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.Secret;
import org.fence4j.redfish.http.Endpoint;
import org.fence4j.redfish.tls.Fingerprint;
import org.fence4j.redfish.tls.TlsTrust;

/**
 * Validated settings of one redfish device. Holds the password: never printed.
 *
 * @param loginLimit   each try of a request until logged in (login_timeout)
 * @param commandLimit each try of a request after the login (shell_timeout, else login_timeout)
 */
record RedfishSettings(Endpoint endpoint, TlsTrust trust, String username, Secret password, String redfishUri,
        Optional<String> systemsUri, Duration loginLimit, Duration commandLimit) {
    /** No limit of its own: the action's deadline, always shorter, ends each try. */
    private static final Duration ONLY_THE_DEADLINE = Duration.ofDays(365);
    private static final String DEFAULT_PORT = "443";

    static RedfishSettings from(Parameters p) throws ParameterException {
        List<String> problems = new ArrayList<>();
        boolean tls = p.bool(SSL);
        TlsTrust trust = trust(p, tls, problems);
        Endpoint endpoint = endpoint(p, tls, problems);
        String redfishUri = p.string(REDFISH_URI).strip();
        if (!redfishUri.startsWith("/") || redfishUri.chars().anyMatch(Character::isWhitespace)) {
            problems.add(REDFISH_URI + ": expected a path such as /redfish/v1, got '" + redfishUri + "'");
        }
        Optional<String> systemsUri = p.get(SYSTEMS_URI).map(String::strip).filter(s -> !s.isEmpty());
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        Duration login = limit(p, p.seconds(LOGIN_TIMEOUT));
        Duration command = p.get(SHELL_TIMEOUT).isPresent() ? limit(p, p.seconds(SHELL_TIMEOUT)) : login;
        return new RedfishSettings(endpoint, trust, p.string(USERNAME), p.secret(PASSWORD).orElse(Secret.of("")),
                redfishUri.endsWith("/") && redfishUri.length() > 1 ? redfishUri.substring(0, redfishUri.length() - 1)
                        : redfishUri, systemsUri, login, command);
    }

    /** 0 or disable_timeout: no limit of its own. */
    private static Duration limit(Parameters p, Duration given) {
        return given.isZero() || p.bool(PowerDriverProvider.DISABLE_TIMEOUT) ? ONLY_THE_DEADLINE : given;
    }

    private static Endpoint endpoint(Parameters p, boolean tls, List<String> problems) {
        long port = p.integer(IPPORT);
        if (port < 1 || port > 65535) {
            problems.add(IPPORT + ": expected a TCP port 1-65535, got " + port);
            return null;
        }
        try {
            Endpoint.Address address = Endpoint.parse(p.string(IP));
            if (address.port().isPresent() && !p.string(IPPORT).equals(DEFAULT_PORT)
                    && address.port().get() != port) {
                problems.add(IP + ": names port " + address.port().get() + ", and " + IPPORT + " " + port
                        + ": give the port once");
                return null;
            }
            return new Endpoint(tls, address.host(), address.port().orElse((int) port));
        } catch (IllegalArgumentException e) {
            problems.add(IP + ": " + e.getMessage());
            return null;
        }
    }

    private static TlsTrust trust(Parameters p, boolean tls, List<String> problems) {
        boolean insecure = p.bool(SSL_INSECURE);
        Optional<String> caFile = p.get(SSL_CA_FILE).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> pin = p.get(SSL_FINGERPRINT).map(String::strip).filter(s -> !s.isEmpty());
        if (!tls && (insecure || p.bool(SSL_SECURE) || caFile.isPresent() || pin.isPresent())) {
            problems.add(SSL + ": 0 (plain HTTP) leaves nothing for " + SSL_SECURE + ", " + SSL_INSECURE + ", "
                    + SSL_CA_FILE + " or " + SSL_FINGERPRINT + " to do: give ssl=1, or drop them");
            return null;
        }
        if (insecure && (p.bool(SSL_SECURE) || caFile.isPresent() || pin.isPresent())) {
            problems.add(SSL_INSECURE + ": contradicts " + (p.bool(SSL_SECURE) ? SSL_SECURE : caFile.isPresent()
                    ? SSL_CA_FILE : SSL_FINGERPRINT) + ", which verifies the certificate: give one of them");
            return null;
        }
        if (caFile.isPresent() && pin.isPresent()) {
            problems.add(SSL_CA_FILE + " and " + SSL_FINGERPRINT + ": give one way to trust the BMC's certificate");
            return null;
        }
        if (pin.isPresent()) {
            try {
                return TlsTrust.pinned(Fingerprint.parse(pin.get()));
            } catch (IllegalArgumentException e) {
                problems.add(SSL_FINGERPRINT + ": " + e.getMessage());
                return null;
            }
        }
        if (caFile.isPresent() && !Path.of(caFile.get()).isAbsolute()) {
            problems.add(SSL_CA_FILE + ": expected an absolute path, got '" + caFile.get() + "'");
            return null;
        }
        return insecure ? TlsTrust.insecure() : caFile.map(f -> TlsTrust.caFile(Path.of(f))).orElseGet(TlsTrust::system);
    }

    @Override
    public String toString() {
        return "RedfishSettings[" + endpoint + ", " + username + ", " + password + "]";
    }
}
