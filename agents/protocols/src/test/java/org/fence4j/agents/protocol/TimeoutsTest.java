package org.fence4j.agents.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
    private static final Map<String, String> FENCED = Map.of("PCMK_service", "pacemaker-fenced");

    @Test
    void underPacemakersFencerWithoutATimeoutTheFencerTimesOutNotTheAgent() {
        assertThat(Timeouts.defaultTimeout(FENCED::get))
                .isEqualTo(Timeouts.UNDER_FENCER).isGreaterThan(Timeouts.STANDALONE);
        assertThat(Timeouts.defaultTimeout(Map.<String, String>of()::get)).isEqualTo(Timeouts.STANDALONE);
    }

    @Test
    void theAgentAnswersATenthOfTheCallersLimitEarlierAtMostFiveSeconds() {
        assertThat(Timeouts.margin(Duration.ofSeconds(8))).isEqualTo(Duration.ofMillis(800));
        assertThat(Timeouts.margin(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Timeouts.margin(Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theDeadlineCountsTheStartUpAgainstTheCallersLimit() {
        Duration left = Timeouts.deadline(Optional.of(Duration.ofSeconds(60)), FENCED::get, Duration.ofSeconds(2))
                .remaining();
        assertThat(left).isBetween(Duration.ofSeconds(52), Duration.ofSeconds(53));
        assertThat(Timeouts.deadline(Optional.empty(), Map.<String, String>of()::get, Duration.ZERO).remaining())
                .isBetween(Duration.ofSeconds(54), Duration.ofSeconds(55));
    }

    @Test
    void aProcessHasRunSinceItsStartAtLeastAsLongAsItsJvm() {
        Duration jvm = Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        Duration process = Timeouts.sinceProcessStart();
        // the process starts before the JVM notes its own start; both are read to 10-20 ms
        assertThat(process).isBetween(jvm.minusMillis(50), jvm.plusSeconds(1));
    }
}
