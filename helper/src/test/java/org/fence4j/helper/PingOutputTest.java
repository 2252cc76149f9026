package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only a clean "sent, none received" is silence; every other way ping can end without an answer
 * decides nothing. The outputs are iputils ping's (LC_ALL=C), as seen in network namespaces.
 */
class PingOutputTest {
    private static final String HEAD = "PING 169.254.88.3 (169.254.88.3) 56(84) bytes of data.\n";
    private static final String STATISTICS = "\n--- 169.254.88.3 ping statistics ---\n";
    private static final String SILENT = "1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n";
    private static final String ONE_ERROR = "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n";

    @Test
    void anAnswer() throws Exception {
        assertThat(PingOutput.answered(0, HEAD + "64 bytes from 169.254.88.3: icmp_seq=1 ttl=64 time=0.1 ms\n"
                + STATISTICS + "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n", "")).isTrue();
    }

    @Test
    void aCleanSilence() throws Exception {
        assertThat(PingOutput.answered(1, HEAD + STATISTICS + SILENT, "")).isFalse();
    }

    /** Neighbour discovery failed: the address did not answer on its own link either. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            From 169.254.88.1 icmp_seq=1 Destination Host Unreachable
            From fe80::77:3:1%f4jh0p icmp_seq=1 Destination unreachable: Address unreachable
            """)
    void theLinkLayerFindingNobodyIsSilenceToo(String line) throws Exception {
        assertThat(PingOutput.answered(1, HEAD + line + "\n" + STATISTICS + ONE_ERROR, "")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            From 169.254.88.2 icmp_seq=1 Destination Net Unreachable
            From 169.254.88.2 icmp_seq=1 Packet filtered
            From 169.254.88.2 icmp_seq=1 Time to live exceeded
            From fe80::1%eth1 icmp_seq=1 Destination unreachable: Administratively prohibited
            From 2001:db8::1 icmp_seq=1 Destination unreachable: No route
            """)
    void anErrorReportedOnTheWayIsNoSilence(String line) {
        assertThatThrownBy(() -> PingOutput.answered(1, HEAD + line + "\n" + STATISTICS + ONE_ERROR, ""))
                .isInstanceOf(IOException.class)
                .hasMessage("no answer, but no clean silence either: " + line);
    }

    @Test
    void anErrorCountedWithoutItsLineIsNoSilence() {
        assertThatThrownBy(() -> PingOutput.answered(1, HEAD + STATISTICS + ONE_ERROR, ""))
                .isInstanceOf(IOException.class)
                .hasMessage("no answer, but no clean silence either: ping counted 1 error(s)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ping: sendmsg: Operation not permitted                                   | sendmsg: Operation not permitted
            ping: Warning: source address might be selected on device other than: f4jxa | Warning: source address might be selected on device other than: f4jxa
            """)
    void anythingOnStandardErrorIsNoSilence(String stderr, String said) {
        assertThatThrownBy(() -> PingOutput.answered(1, HEAD + STATISTICS + SILENT, stderr + "\n"))
                .isInstanceOf(IOException.class)
                .hasMessage("no answer, but no clean silence either: ping said '" + said + "'");
    }

    @Test
    void withoutItsStatisticsNothingIsKnown() {
        assertThatThrownBy(() -> PingOutput.answered(1, HEAD, ""))
                .isInstanceOf(IOException.class)
                .hasMessage("no answer, but no clean silence either: ping printed no statistics");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2 | ping: connect: Network is unreachable                | ping exited 2: connect: Network is unreachable
            2 | ping: SO_BINDTODEVICE f4jh-nosuch: No such device    | ping exited 2: SO_BINDTODEVICE f4jh-nosuch: No such device
            2 | ''                                                   | ping exited 2: it could not send
            127 | ''                                                 | ping exited 127: it could not send
            """)
    void anyOtherExitIsAnError(int exitCode, String stderr, String message) {
        assertThatThrownBy(() -> PingOutput.answered(exitCode, "", stderr))
                .isInstanceOf(IOException.class)
                .hasMessage(message);
    }
}
