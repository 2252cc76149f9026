package org.fence4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "localhost"})
    void aLoopbackAddressIsAccepted(String text) throws Exception {
        InetAddress address = LoopbackAddress.parse("--address", text, "simulated BMC");
        assertThat(address.isLoopbackAddress()).isTrue();
        assertThat(LoopbackAddress.require(address, "simulated BMC")).isSameAs(address);
    }

    /** The wildcard addresses are what one would type to be reached from elsewhere. */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void anyOtherAddressIsRefusedNamingTheOption(String text) {
        assertThatThrownBy(() -> LoopbackAddress.parse("--address", text, "simulated BMC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--address " + text + " is not a loopback address; the simulated BMC listens on loopback"
                        + " addresses only (127.0.0.0/8, ::1)");
    }

    @Test
    void anAddressGivenInCodeIsRefusedToo() throws Exception {
        InetAddress wildcard = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> LoopbackAddress.require(wildcard, "simulated Redfish BMC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the simulated Redfish BMC listens on loopback addresses only (127.0.0.0/8, ::1), not 0.0.0.0");
    }

    @Test
    void anAddressThatCannotBeResolvedIsNamed() {
        assertThatThrownBy(() -> LoopbackAddress.parse("--address", "[::1", "simulated BMC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--address [::1: unknown host");
    }
}
