package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTextTest {
    static final String RECORDED = "2026-12-07T03:10:00.230822537Z";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Europe/Paris  | false | 2026-12-07 04:10:00  | 2026-12-07T04:10:00.230+01:00",
        ":Asia/Kolkata | false | 2026-12-07 08:40:00  | 2026-12-07T08:40:00.230+05:30",
        "Europe/Paris  | true  | 2026-12-07 03:10:00Z | 2026-12-07T03:10:00.230Z",
        "-             | true  | 2026-12-07 03:10:00Z | 2026-12-07T03:10:00.230Z",
    })
    void localToTheSecondForPeopleWithTheOffsetInJson(String tz, boolean utc, String human, String json) {
        TimeText times = TimeText.of(utc, tz == null ? k -> null : Map.of("TZ", tz)::get);
        assertThat(times.human(RECORDED)).isEqualTo(human);
        assertThat(times.json(RECORDED)).isEqualTo(json);
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "''"})
    void aTimeThatIsNoneIsShownAsRecorded(String recorded) {
        TimeText times = TimeText.of(true, k -> null);
        assertThat(times.human(recorded)).isEqualTo(recorded);
        assertThat(times.json(recorded)).isEqualTo(recorded);
    }
}
