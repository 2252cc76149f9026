package org.fence4j.redfish.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void readsNamesIpv4AndIpv6LiteralsWithOrWithoutBracketsAndPorts() {
        assertThat(Endpoint.parse("bmc-pm02")).isEqualTo(new Endpoint.Address("bmc-pm02", Optional.empty()));
        assertThat(Endpoint.parse("127.0.0.1:8443")).isEqualTo(new Endpoint.Address("127.0.0.1", Optional.of(8443)));
        assertThat(Endpoint.parse("::1")).isEqualTo(new Endpoint.Address("::1", Optional.empty()));
        assertThat(Endpoint.parse("[::1]")).isEqualTo(new Endpoint.Address("::1", Optional.empty()));
        assertThat(Endpoint.parse(" [::1]:8443 ")).isEqualTo(new Endpoint.Address("::1", Optional.of(8443)));
    }

    @Test
    void refusesWhatIsNoAddressSayingWhatWasExpected() {
        assertThatThrownBy(() -> Endpoint.parse("[::1")).hasMessageContaining("IPv6 literal in brackets");
        assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:http")).hasMessageContaining("TCP port 1-65535");
        assertThatThrownBy(() -> Endpoint.parse("user@bmc")).hasMessageContaining("host name or an IP address");
        assertThatThrownBy(() -> Endpoint.parse("")).hasMessageContaining("host name or an IP address");
    }

    @Test
    void writesIpv6InBracketsAndTakesOnlyItsOwnServicesReferences() {
        Endpoint endpoint = new Endpoint(true, "::1", 8443);
        assertThat(endpoint.base()).isEqualTo("https://[::1]:8443");
        assertThat(endpoint.pathOf("/redfish/v1/Systems/1")).isEqualTo("/redfish/v1/Systems/1");
        assertThat(endpoint.pathOf("https://[::1]:8443/redfish/v1/Systems/1")).isEqualTo("/redfish/v1/Systems/1");
        assertThatThrownBy(() -> endpoint.pathOf("https://127.0.0.2:8443/redfish/v1")).hasMessageContaining("refused");
        assertThatThrownBy(() -> endpoint.pathOf("http://[::1]:8443/redfish/v1")).hasMessageContaining("refused");
        assertThatThrownBy(() -> endpoint.pathOf("Systems/1")).hasMessageContaining("beginning with /");
    }
}
