package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The kernel's counts of discarded outgoing packets, as /proc/net/snmp and snmp6 give them. */
class OutgoingDiscardsTest {

    @Test
    void ipv4IsTheOutDiscardsColumnOfTheIpLines() throws Exception {
        String snmp = """
                Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos \
                InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout
                Ip: 2 64 4651 0 0 0 0 0 4651 3809 17 0 0
                Icmp: InMsgs InErrors OutDiscards
                Icmp: 5 0 99
                """;

        assertThat(OutgoingDiscards.ipv4(snmp)).isEqualTo(17);
    }

    @Test
    void ipv6IsTheIp6OutDiscardsLine() throws Exception {
        String snmp6 = "Ip6InDiscards                   \t3\nIp6OutRequests                  \t40\n"
                + "Ip6OutDiscards                  \t10\nIp6OutNoRoutes                  \t1\n";

        assertThat(OutgoingDiscards.ipv6(snmp6, Path.of("/proc/net/dev_snmp6/eth1"))).isEqualTo(10);
    }

    @Test
    void withoutTheCountNothingIsKnown() {
        assertThatThrownBy(() -> OutgoingDiscards.ipv4("Icmp: InMsgs\nIcmp: 5\n"))
                .isInstanceOf(IOException.class).hasMessage("/proc/net/snmp has no Ip OutDiscards");
        assertThatThrownBy(() -> OutgoingDiscards.ipv6("Ip6OutDiscards x\n", Path.of("/proc/net/snmp6")))
                .isInstanceOf(IOException.class)
                .hasMessage("/proc/net/snmp6: expected a count of discarded packets, got 'x'");
    }

    @Test
    void thisHostsCountsAreReadForTheAddressProbed() throws Exception {
        assertThat(OutgoingDiscards.now(ProbeAddress.parse("127.0.0.1"))).isNotNegative();
        assertThat(OutgoingDiscards.now(ProbeAddress.parse("::1"))).isNotNegative();
        assertThat(OutgoingDiscards.now(ProbeAddress.parse("fe80::1%lo"))).isNotNegative();
        assertThatThrownBy(() -> OutgoingDiscards.now(ProbeAddress.parse("fe80::1%f4j-nosuch")))
                .isInstanceOf(IOException.class).hasMessage("cannot read the count of discarded packets in"
                        + " /proc/net/dev_snmp6/f4j-nosuch: there is no such file");
    }
}
