package org.fence4j.meatware.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"pm02", "PM02", "node-1.example", "n_1", "1node"})
    void acceptsNodeNames(String host) {
        assertThat(Hostnames.problem(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".hidden", "-x", "a/b", "../etc/passwd", "a b", "pm02\u0000", "pä"})
    void refusesWhatIsNoSafeFileNamePart(String host) {
        assertThat(Hostnames.problem(host)).get().asString().contains("node name");
    }

    @ParameterizedTest
    @ValueSource(ints = {Hostnames.MAX_LENGTH + 1, 300})
    void refusesNamesTooLongForTheRecord(int length) {
        assertThat(Hostnames.problem("n".repeat(length))).get().asString().contains("at most");
    }
}
