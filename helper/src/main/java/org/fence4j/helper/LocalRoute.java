package org.fence4j.helper;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fence4j.agents.files.FileProblem;

/**
 * Could this host hear an address now? Asked of the kernel without sending anything: the
 * interface given exists and is up, and a UDP socket connects to the address (connect only looks
 * up the route). A link without carrier passes: on a direct cable that is what a powered-off peer
 * looks like.
 */
final class LocalRoute {
    /** Nothing is sent; the discard port, should anything ever be. */
    private static final int DISCARD_PORT = 9;
    private static final int IFF_UP = 0x1;

    private LocalRoute() {
    }

    static Optional<String> whyCannotReach(ProbeAddress address) {
        InetAddress destination = address.address();
        if (address.interfaceName().isPresent()) {
            String name = address.interfaceName().get();
            NetworkInterface link;
            try {
                link = NetworkInterface.getByName(name);
            } catch (SocketException e) {
                return Optional.of("cannot look up interface " + name + " (" + e.getMessage() + ")");
            }
            if (link == null) {
                return Optional.of("this host has no interface " + name);
            }
            Optional<String> down = whyDown(name);
            if (down.isPresent()) {
                return down;
            }
            if (address.ipv6() && destination.isLinkLocalAddress()) {
                try {
                    destination = Inet6Address.getByAddress(null, destination.getAddress(), link);
                } catch (UnknownHostException e) {
                    return Optional.of("interface " + name + " has no IPv6 link-local address to send from");
                }
            }
        }
        return whyNoRoute(destination, address.ipv6());
    }

    private static Optional<String> whyNoRoute(InetAddress destination, boolean ipv6) {
        try (DatagramChannel channel = DatagramChannel.open(ipv6 ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET)) {
            channel.connect(new InetSocketAddress(destination, DISCARD_PORT));
            return Optional.empty();
        } catch (BindException e) {
            // EACCES: a broadcast address (connect needs SO_BROADCAST) or a prohibit route
            return Optional.of("this host may not send to it (" + e.getMessage() + "), as to a broadcast address"
                    + " of one of its networks");
        } catch (SocketException e) {
            return Optional.of("this host has no route to it (" + e.getMessage() + ")");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot ask this host for a route to it (" + e.getMessage() + ")");
        }
    }

    /** Administratively down ({@code ip link set NAME down}), read from sysfs: Java tells only up-and-running. */
    private static Optional<String> whyDown(String name) {
        Path flags = Path.of("/sys/class/net", name, "flags");
        try {
            if ((Integer.decode(Files.readString(flags).trim()) & IFF_UP) == 0) {
                return Optional.of("interface " + name + " is down (ip link set " + name + " up)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot tell whether interface " + name + " is up (" + flags + ": "
                    + FileProblem.of(e) + ")");
        } catch (NumberFormatException e) {
            return Optional.of("cannot tell whether interface " + name + " is up (" + flags + " is not a number)");
        }
    }
}
