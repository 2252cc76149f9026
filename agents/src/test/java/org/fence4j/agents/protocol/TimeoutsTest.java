package org.fence4j.agents.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TimeoutsTest {
    @Test
    void underPacemakersFencerTheFencerTimesOutNotTheAgent() {
        assertThat(Timeouts.defaultTimeout(Map.of("PCMK_service", "pacemaker-fenced")::get))
                .isEqualTo(Timeouts.UNDER_FENCER).isGreaterThan(Timeouts.STANDALONE);
        assertThat(Timeouts.defaultTimeout(Map.<String, String>of()::get)).isEqualTo(Timeouts.STANDALONE);
    }
}
