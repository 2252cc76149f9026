package org.fence4j.agents.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseMatchTest {
    static final List<String> KEYS = List.of("ip", "ipport", "passwd", "passwd_file", "passwd_env", "passwd_script",
            "mode");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            passwd_flie   | " (did you mean 'passwd_file'?)"
            paswd_env     | " (did you mean 'passwd_env'?)"
            passwd_scrpt  | " (did you mean 'passwd_script'?)"
            mde           | " (did you mean 'mode'?)"
            iport         | " (did you mean 'ipport'?)"
            colour        | ""
            xy            | ""
            """)
    void suggestsTheKeyATypoWouldBe(String key, String suggestion) {
        assertThat(CloseMatch.didYouMean(key, KEYS)).isEqualTo(suggestion);
    }
}
