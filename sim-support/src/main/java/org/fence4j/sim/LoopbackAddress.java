package org.fence4j.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one check that keeps every simulator on loopback (127.0.0.0/8, ::1): a simulated BMC with a
 * known password must never be reachable from another machine.
 */
public final class LoopbackAddress {
    private static final String ONLY = "loopback addresses only (127.0.0.0/8, ::1)";

    private LoopbackAddress() {
    }

    /** {@code address}, or an IllegalArgumentException saying that {@code listener} listens on loopback only. */
    public static InetAddress require(InetAddress address, String listener) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the " + listener + " listens on " + ONLY + ", not "
                    + address.getHostAddress());
        }
        return address;
    }

    /**
     * The loopback address that {@code option} names ({@code text}: a literal or a host name), or an
     * IllegalArgumentException naming the option and what was expected.
     */
    public static InetAddress parse(String option, String text, String listener) {
        InetAddress address;
        try {
            address = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " " + text + ": unknown host");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(option + " " + text + " is not a loopback address; the " + listener
                    + " listens on " + ONLY);
        }
        return address;
    }
}
