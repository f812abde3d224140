package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTests {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "1h, PT1H", " 15s , PT15S"})
    void readsEveryUnit(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0s    | '0s' must be positive",
            "0ms   | '0ms' must be positive",
            "-5s   | '-5s' must be positive",
            "30    | '30' needs a unit: ms, s, m or h",
            "1.5s  | '1.5s' is not a duration",
            "10 s  | '10 s' is not a duration",
            "10sec | '10sec' is not a duration",
            "abc   | 'abc' is not a duration"})
    void rejectsWithOneSentence(String text, String message) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"PT0.5S, 500ms", "PT1.5S, 1500ms", "PT30S, 30s", "PT90S, 90s", "PT2M, 2m", "PT2H, 2h", "PT61M, 61m"})
    void formatsInTheLargestExactUnitAndReadsBack(Duration duration, String text) {
        assertThat(DurationText.format(duration)).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(duration);
    }
}
