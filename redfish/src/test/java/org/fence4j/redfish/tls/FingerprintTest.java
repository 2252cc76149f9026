package org.fence4j.redfish.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final String COLONS = "A8:61:FF:2E:7A:6C:D8:E0:4E:4E:D4:8E:43:E9:A4:69:86:6A:1E:21:51:0A:32:6E:20:BA:8E:12"
            + ":76:67:2C:07";

    @Test
    void readsOpensslsFormAndBareHexAndPrintsOpensslsForm() {
        Fingerprint pin = Fingerprint.parse(COLONS);
        assertThat(pin).hasToString(COLONS);
        assertThat(Fingerprint.parse(COLONS.replace(":", "").toLowerCase(java.util.Locale.ROOT))).isEqualTo(pin);
        assertThat(Fingerprint.parse("sha256:" + COLONS)).isEqualTo(pin);
        assertThat(Fingerprint.parse("SHA256=" + COLONS).matches(pin)).isTrue();
    }

    @Test
    void refusesAnythingButSha256() {
        assertThatThrownBy(() -> Fingerprint.parse("AB:CD")).hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> Fingerprint.parse(COLONS.replace('A', 'Z'))).hasMessageContaining("SHA-256");
    }
}
