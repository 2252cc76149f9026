package org.fence4j.helper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code dead_check_target}: an IP literal, optionally {@code addr%ifname} to probe through
 * that interface (upstream passes it to {@code ping -I}). Names are refused: resolving them
 * needs DNS, which may be the very thing that is down while fencing.
 *
 * @param text      as configured, for log lines
 * @param interfaceName empty unless given after {@code %}
 */
record ProbeAddress(String text, InetAddress address, Optional<String> interfaceName) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** Linux interface names: at most 15 bytes, no slash or blank; no leading '-' (ping would read an option). */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,14}");

    /** True when {@code ping} must be told {@code -6}. */
    boolean ipv6() {
        return address.getAddress().length == 16;
    }

    /** The address as ping takes it, without any interface. */
    String literal() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Parses one configured word without any name lookup, refusing an address nothing could answer from.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static ProbeAddress parse(String text) {
        int percent = text.indexOf('%');
        String host = percent < 0 ? text : text.substring(0, percent);
        Optional<String> interfaceName = Optional.empty();
        if (percent >= 0) {
            String name = text.substring(percent + 1);
            if (!INTERFACE.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + text + "': expected a network interface name after '%'"
                        + " (up to 15 letters, digits, '_', '.', ':', '@' or '-'), got '" + name + "'");
            }
            interfaceName = Optional.of(name);
        }
        InetAddress address = literal(text, host);
        Optional<String> unanswerable = Answerable.whyNot(address, interfaceName.isPresent());
        if (unanswerable.isPresent()) {
            throw new IllegalArgumentException("'" + text + "' " + unanswerable.get());
        }
        return new ProbeAddress(text, address, interfaceName);
    }

    private static InetAddress literal(String text, String host) {
        Matcher v4 = IPV4.matcher(host);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(v4.group(i + 1));
                    if (part > 255) {
                        throw new IllegalArgumentException("'" + text + "': " + part + " is not an IPv4 address byte (0-255)");
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (IPV6.matcher(host).matches()) {
                // a text with ':' is parsed as an IPv6 literal and never looked up in DNS
                return InetAddress.getByName(host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IPv6 address");
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address; give IPv4 or IPv6 literals"
                + " (optionally addr%ifname), not host names, so that probing never depends on DNS");
    }
}
