package org.fence4j.helper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fence4j.agents.files.FileProblem;

/**
 * The kernel's count of outgoing packets it discarded (Ip OutDiscards, Ip6OutDiscards): an echo
 * request dropped by a firewall on this host counts there, though ping says nothing of it. IPv4
 * counts for the whole network namespace, IPv6 for the interface when one is given, so another
 * packet discarded meanwhile (an IPv6 multicast report on a link that just lost its carrier)
 * also leaves a silence undecided: a failed level, never a false death.
 */
final class OutgoingDiscards {
    private static final Path IPV4 = Path.of("/proc/net/snmp");
    private static final Path IPV6 = Path.of("/proc/net/snmp6");
    private static final Path IPV6_PER_INTERFACE = Path.of("/proc/net/dev_snmp6");

    private OutgoingDiscards() {
    }

    /** The count that a discarded echo request to {@code address} would raise. */
    static long now(ProbeAddress address) throws IOException {
        if (!address.ipv6()) {
            return ipv4(read(IPV4));
        }
        Path counts = address.interfaceName().map(IPV6_PER_INTERFACE::resolve).orElse(IPV6);
        return ipv6(read(counts), counts);
    }

    private static String read(Path counts) throws IOException {
        try {
            return Files.readString(counts);
        } catch (IOException e) {
            throw new IOException("cannot read the count of discarded packets in " + counts + ": "
                    + FileProblem.of(e), e);
        }
    }

    /** From /proc/net/snmp: an "Ip:" line of names, then one of values. */
    static long ipv4(String snmp) throws IOException {
        List<String[]> ip = snmp.lines().filter(l -> l.startsWith("Ip: ")).map(l -> l.split("\\s+")).toList();
        if (ip.size() == 2) {
            int column = List.of(ip.get(0)).indexOf("OutDiscards");
            if (column > 0 && column < ip.get(1).length) {
                return count(ip.get(1)[column], IPV4);
            }
        }
        throw new IOException(IPV4 + " has no Ip OutDiscards");
    }

    /** From /proc/net/snmp6 or dev_snmp6/IFNAME: a line "Ip6OutDiscards N". */
    static long ipv6(String snmp6, Path file) throws IOException {
        for (String line : snmp6.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 2 && words[0].equals("Ip6OutDiscards")) {
                return count(words[1], file);
            }
        }
        throw new IOException(file + " has no Ip6OutDiscards");
    }

    private static long count(String text, Path file) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": expected a count of discarded packets, got '" + text + "'");
        }
    }
}
