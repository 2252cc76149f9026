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
    void writesIpv6InBrackets() {
        assertThat(new Endpoint(true, "::1", 8443).base()).isEqualTo("https://[::1]:8443");
    }

    @Test
    void keepsOnlyThePathOfAReferenceResolvedAgainstTheRequestAndRefusesOtherSchemes() {
        Endpoint endpoint = new Endpoint(true, "::1", 8443);
        String sessions = "/redfish/v1/SessionService/Sessions";
        assertThat(endpoint.pathOf("/redfish/v1/Systems/1", sessions)).isEqualTo("/redfish/v1/Systems/1");
        assertThat(endpoint.pathOf("https://[::1]:8443/redfish/v1/Systems/1", sessions)).isEqualTo("/redfish/v1/Systems/1");
        // iLO names its own address, which may not be the one configured: only the path is kept
        assertThat(endpoint.pathOf("https://127.0.0.2/redfish/v1/Sessions/5?x=1", sessions))
                .isEqualTo("/redfish/v1/Sessions/5?x=1");
        assertThat(endpoint.pathOf("http://[::1]:8443/redfish/v1", sessions)).isEqualTo("/redfish/v1");
        assertThat(endpoint.pathOf("Sessions/5", sessions)).isEqualTo(sessions + "/5");
        assertThatThrownBy(() -> endpoint.pathOf("ftp://[::1]/redfish/v1", sessions)).hasMessageContaining("refused");
        assertThatThrownBy(() -> endpoint.pathOf("javascript:alert(1)", sessions)).hasMessageContaining("refused");
        assertThatThrownBy(() -> endpoint.pathOf("https:opaque", sessions)).hasMessageContaining("expected a path");
    }
}
