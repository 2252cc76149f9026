package org.fence4j.redfish.http;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Redfish service listens: scheme, host and port. The host is a name, an IPv4 literal or
 * an IPv6 literal, given with or without brackets ({@code ::1}, {@code [::1]}, {@code [::1]:8443});
 * {@code host:port} with a single colon is fence_redfish's older form of ip and ipport together.
 */
public record Endpoint(boolean tls, String host, int port) {

    /** What {@code ip} holds: a host, and a port when it names one. */
    public record Address(String host, Optional<Integer> port) {
    }

    /** Reads fence_redfish's ip; throws IllegalArgumentException saying what was expected. */
    public static Address parse(String ip) {
        String text = ip.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("expected an IPv6 literal in brackets such as [fd00::2], got '"
                        + ip + "'");
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("expected [IPv6] or [IPv6]:port, got '" + ip + "'");
            }
            return new Address(checkedHost(text.substring(1, close), ip),
                    rest.isEmpty() ? Optional.empty() : Optional.of(port(rest.substring(1), ip)));
        }
        int colons = (int) text.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            int colon = text.indexOf(':');
            return new Address(checkedHost(text.substring(0, colon), ip), Optional.of(port(text.substring(colon + 1), ip)));
        }
        return new Address(checkedHost(text, ip), Optional.empty());
    }

    private static String checkedHost(String host, String ip) {
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || "/?#@[]\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("expected a host name or an IP address, got '" + ip + "'");
        }
        return host;
    }

    private static int port(String digits, String ip) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected a TCP port 1-65535 after the address, got '" + ip + "'");
    }

    /** host:port as a URI writes it, an IPv6 literal in brackets (its zone as %25). */
    public String authority() {
        String shown = host.indexOf(':') >= 0 ? "[" + host.replace("%", "%25") + "]" : host;
        return shown + ":" + port;
    }

    public String base() {
        return (tls ? "https" : "http") + "://" + authority();
    }

    /** The URL of a path on this service. */
    URL url(String path) {
        try {
            return new URI(base() + path).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a usable path on the service: '" + path + "'", e);
        }
    }

    /**
     * The path (and query) a reference of the service names, resolved against {@code requestPath}:
     * a path, a relative reference, or an absolute http or https URI, whatever its host and port
     * (iLO names its own address, which is not {@code ip} behind NAT or when ip is a name). Only the
     * path is kept and sent to this endpoint: the credentials go nowhere else. Other schemes are refused.
     */
    public String pathOf(String reference, String requestPath) {
        URI resolved;
        try {
            URI uri = new URI(reference.strip());
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("'" + reference + "', not an http or https reference; refused");
            }
            resolved = new URI(base() + requestPath).resolve(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: '" + reference + "'", e);
        }
        String path = resolved.getRawPath();
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("expected a path, got '" + reference + "'");
        }
        return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
    }

    @Override
    public String toString() {
        return base();
    }
}
