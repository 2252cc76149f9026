package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ping command lines, as upstream's {@code ping -c1 -w1 [-I if] -- addr}. */
class PingProbeTest {
    private final PingProbe probe = new PingProbe();

    @Test
    void ipv4() {
        assertThat(probe.command(ProbeAddress.parse("169.254.77.2")))
                .containsExactly("ping", "-c1", "-w1", "-n", "-q", "--", "169.254.77.2");
    }

    @Test
    void ipv4ThroughAnInterface() {
        assertThat(probe.command(ProbeAddress.parse("169.254.77.2%veth-f4j0")))
                .containsExactly("ping", "-c1", "-w1", "-n", "-q", "-I", "veth-f4j0", "--", "169.254.77.2");
    }

    @Test
    void ipv6TakesMinusSix() {
        assertThat(probe.command(ProbeAddress.parse("::1")))
                .containsExactly("ping", "-6", "-c1", "-w1", "-n", "-q", "--", "0:0:0:0:0:0:0:1");
    }

    @Test
    void ipv6LinkLocalThroughAnInterface() {
        assertThat(probe.command(ProbeAddress.parse("fe80::1%lo")))
                .containsExactly("ping", "-6", "-c1", "-w1", "-n", "-q", "-I", "lo", "--", "fe80:0:0:0:0:0:0:1");
    }
}
