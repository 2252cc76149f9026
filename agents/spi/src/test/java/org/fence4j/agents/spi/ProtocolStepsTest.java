package org.fence4j.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProtocolStepsTest {
    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void nowhere() {
        ProtocolSteps.sendTo(null);
    }

    @Test
    void eachPlaceholderTakesTheNextArgumentAndTheDriverLeadsTheLine() {
        ProtocolSteps.sendTo(lines::add);
        ProtocolSteps.say("redfish", "{} -> HTTP {}", "GET /redfish/v1", 200);
        ProtocolSteps.say("ipmi", "Close Session -> ok");
        ProtocolSteps.say("ipmi", "{} and {} -> {}", "a", "b");
        ProtocolSteps.say("ipmi", "{}", "a", "unused");

        assertThat(lines).containsExactly("redfish: GET /redfish/v1 -> HTTP 200", "ipmi: Close Session -> ok",
                "ipmi: a and b -> {}", "ipmi: a");
    }

    @Test
    void withoutADestinationNothingIsSaid() {
        ProtocolSteps.sendTo(lines::add);
        ProtocolSteps.sendTo(null);
        ProtocolSteps.say("ipmi", "Close Session -> ok");

        assertThat(ProtocolSteps.on()).isFalse();
        assertThat(lines).isEmpty();
    }
}
