package org.fence4j.agents.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.chain.AgentCall;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
    private static final Map<String, String> FENCED = Map.of("PCMK_service", "pacemaker-fenced");

    @Test
    void underPacemakersFencerWithoutATimeoutTheAgentEndsBeforeTheFencersDefaultsAndSaysWhy() {
        // issue 29: the fencer kills a monitor at 20 s and a fence at stonith-timeout's default, 60 s
        assertThat(Timeouts.defaultTimeout(FENCED::get, false)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Timeouts.defaultTimeout(FENCED::get, true)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Timeouts.defaultTimeout(Map.<String, String>of()::get, false)).isEqualTo(Timeouts.STANDALONE);
        assertThat(Timeouts.deadline(Optional.empty(), FENCED::get, Duration.ZERO, false).remaining())
                .isBetween(Duration.ofSeconds(14), Duration.ofSeconds(15));
        assertThat(Timeouts.assumed(Optional.empty(), FENCED::get, false)).hasValue("no timeout parameter:"
                + " pacemaker-fenced's default of 20 s for monitor, status and list was assumed; give the device"
                + " timeout= as its pcmk_monitor_timeout to allow more");
        assertThat(Timeouts.assumed(Optional.empty(), FENCED::get, true)).hasValueSatisfying(why -> assertThat(why)
                .contains("default of 60 s for a fence (stonith-timeout)", "pcmk_reboot_timeout"));
        assertThat(Timeouts.assumed(Optional.of(Duration.ofSeconds(30)), FENCED::get, true)).isEmpty();
        assertThat(Timeouts.assumed(Optional.empty(), Map.<String, String>of()::get, true)).isEmpty();
    }

    @Test
    void theAgentAnswersAQuarterOfTheCallersLimitEarlierAtMostFiveSeconds() {
        assertThat(Timeouts.margin(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Timeouts.margin(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Timeouts.margin(Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void underTheFencersDefaultsTheMarginOutlastsAnAgentThatIgnoresItsDeadline() {
        // AgentCall lets the work overrun its deadline by its grace, then waits as long for it to stop;
        // a second is left for the answer to be written and the JVM to exit
        Duration worstOverrun = AgentCall.GRACE.multipliedBy(2).plusSeconds(1);
        assertThat(Timeouts.margin(Timeouts.FENCER_READS)).isGreaterThanOrEqualTo(worstOverrun);
        assertThat(Timeouts.margin(Timeouts.FENCER_FENCES)).isGreaterThanOrEqualTo(worstOverrun);
    }

    @Test
    void theDeadlineCountsTheStartUpAgainstTheCallersLimit() {
        Duration left = Timeouts.deadline(Optional.of(Duration.ofSeconds(60)), FENCED::get, Duration.ofSeconds(2), true)
                .remaining();
        assertThat(left).isBetween(Duration.ofSeconds(52), Duration.ofSeconds(53));
        assertThat(Timeouts.deadline(Optional.empty(), Map.<String, String>of()::get, Duration.ZERO, true).remaining())
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
