package org.fence4j.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"0, 0 ms", "12, 12 ms", "49, 49 ms", "50, 0.1 s", "300, 0.3 s", "1500, 1.5 s", "1960, 2 s", "2000, 2 s",
        "9940, 9.9 s", "9960, 10 s", "40000, 40 s", "119499, 119 s", "120000, 2 min", "125000, 2 min 5 s",
        "3600000, 60 min", "-5, 0 ms"})
    void writesMillisecondsThenTenthsThenSecondsThenMinutes(long millis, String text) {
        assertThat(DurationText.of(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
