package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses could ever answer a ping, judged from the address alone. */
class AnswerableTest {

    @ParameterizedTest(name = "{0} (interface given: {1})")
    @CsvSource(delimiter = '|', textBlock = """
            224.0.0.1       | false | is a multicast address: nothing answers a ping to it, so silence would prove nothing
            239.255.255.250 | false | is a multicast address
            ff02::1         | false | is a multicast address
            ff02::1         | true  | is a multicast address
            ff05::2         | false | is a multicast address
            240.0.0.1       | false | is in 240.0.0.0/4, reserved: no host has such an address, so silence would prove nothing
            254.1.2.3       | false | is in 240.0.0.0/4, reserved
            255.255.255.255 | false | is the limited broadcast address: no single host answers for it, so silence would prove nothing
            0.0.0.0         | false | is the unspecified address: it names no host, so silence would prove nothing
            ::              | false | is the unspecified address
            0.1.2.3         | false | is in 0.0.0.0/8 ("this network"): no host has such an address, so silence would prove nothing
            fe80::1         | false | is a link-local address without an interface: no link to send it on, so silence would prove nothing; write it as addr%ifname
            febf::1         | false | is a link-local address without an interface
            """)
    void refusesAnAddressNothingCouldAnswerFrom(String address, boolean withInterface, String why) throws Exception {
        assertThat(Answerable.whyNot(InetAddress.getByName(address), withInterface)).hasValueSatisfying(
                reason -> assertThat(reason).startsWith(why));
    }

    /** Loopback is allowed: the demo and tests ping 127.0.0.1 for an answer; its silence is judged at run time. */
    @ParameterizedTest
    @ValueSource(strings = {"169.254.2.1", "10.0.0.1", "192.168.1.255", "1.2.3.4", "223.255.255.254", "127.0.0.1",
            "127.1.2.3", "::1", "2001:db8::1", "fd00::5", "fec0::1", "::ffff:10.0.0.1"})
    void acceptsAnAddressAHostCanHave(String address) throws Exception {
        assertThat(Answerable.whyNot(InetAddress.getByName(address), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1", "fe80::77:3:2"})
    void acceptsALinkLocalAddressWithItsInterface(String address) throws Exception {
        assertThat(Answerable.whyNot(InetAddress.getByName(address), true)).isEmpty();
    }
}
