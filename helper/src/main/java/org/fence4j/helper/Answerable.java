package org.fence4j.helper;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which dead_check_target addresses could ever answer a ping: silence is evidence of death only
 * from an address that could have answered. Judged from the address alone, so that validate says
 * the same on every node; what depends on this host (its routes, its interfaces, the broadcast
 * addresses of its subnets) is checked when probing ({@link LocalRoute}).
 *
 * <p>Loopback (127.0.0.0/8, ::1) is allowed: the demo, the start-up training and tests probe
 * 127.0.0.1 for its answer, which only makes the level fail. Its silence, which could only mean
 * that this host drops its own pings, is never taken as the target's death ({@link DeadCheck}).
 */
final class Answerable {
    private static final String PROVES_NOTHING = ", so silence would prove nothing";
    private static final String EXPECTED = PROVES_NOTHING + "; expected an address of the target itself";

    private Answerable() {
    }

    /**
     * @param withInterface whether the address was given as {@code addr%ifname}
     * @return why no answer could ever come from {@code address}; empty if one could
     */
    static Optional<String> whyNot(InetAddress address, boolean withInterface) {
        if (address.isMulticastAddress()) {
            return Optional.of("is a multicast address: nothing answers a ping to it" + EXPECTED);
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("is the unspecified address: it names no host" + EXPECTED);
        }
        if (address instanceof Inet4Address) {
            return whyNotIpv4(address.getAddress());
        }
        if (address.isLinkLocalAddress() && !withInterface) {
            return Optional.of("is a link-local address without an interface: no link to send it on" + PROVES_NOTHING
                    + "; write it as addr%ifname, e.g. fe80::1%eth1");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        if (first == 0) {
            return Optional.of("is in 0.0.0.0/8 (\"this network\"): no host has such an address" + EXPECTED);
        }
        if (first == 255 && (bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff) {
            return Optional.of("is the limited broadcast address: no single host answers for it" + EXPECTED);
        }
        if (first >= 240) {
            return Optional.of("is in 240.0.0.0/4, reserved: no host has such an address" + EXPECTED);
        }
        return Optional.empty();
    }
}
