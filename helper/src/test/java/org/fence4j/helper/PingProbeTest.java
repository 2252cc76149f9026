package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ping command lines, as upstream's {@code ping -c1 -w1 [-I if] -- addr}, without -q. */
class PingProbeTest {
    private final PingProbe probe = new PingProbe();

    @Test
    void ipv4() {
        assertThat(probe.command(ProbeAddress.parse("169.254.77.2")))
                .containsExactly("ping", "-c1", "-w1", "-n", "--", "169.254.77.2");
    }

    @Test
    void ipv4ThroughAnInterface() {
        assertThat(probe.command(ProbeAddress.parse("169.254.77.2%veth-f4j0")))
                .containsExactly("ping", "-c1", "-w1", "-n", "-I", "veth-f4j0", "--", "169.254.77.2");
    }

    @Test
    void ipv6TakesMinusSix() {
        assertThat(probe.command(ProbeAddress.parse("::1")))
                .containsExactly("ping", "-6", "-c1", "-w1", "-n", "--", "0:0:0:0:0:0:0:1");
    }

    @Test
    void ipv6LinkLocalTakesItsInterfaceAsItsScope() {
        assertThat(probe.command(ProbeAddress.parse("fe80::1%lo")))
                .containsExactly("ping", "-6", "-c1", "-w1", "-n", "--", "fe80:0:0:0:0:0:0:1%lo");
    }

    @Test
    void ipv6ThroughAnInterface() {
        assertThat(probe.command(ProbeAddress.parse("fd00::5%eth1")))
                .containsExactly("ping", "-6", "-c1", "-w1", "-n", "-I", "eth1", "--", "fd00:0:0:0:0:0:0:5");
    }
}
