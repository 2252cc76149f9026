package org.fence4j.agents.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggingTest {
    @Test
    void eachVerboseFlagShowsMoreAsTheFenceAgentsVerboseLevel() {
        assertThat(Logging.level(0)).isEqualTo("warn");
        assertThat(Logging.level(1)).isEqualTo("info");
        assertThat(Logging.level(2)).isEqualTo("debug");
        assertThat(Logging.level(3)).isEqualTo("debug");
    }
}
