package org.jvmbench.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How -D values become the simulation's parameters. */
class SimulationParametersTest {

    private static final String NAME = "jvmbench.test.parameter";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    @Test
    void aDurationIsSecondsUnlessItSaysMilliseconds() {
        System.setProperty(NAME, "30");
        assertThat(SimulationParameters.duration(NAME, "1")).isEqualTo(Duration.ofSeconds(30));
        System.setProperty(NAME, "15s");
        assertThat(SimulationParameters.duration(NAME, "1")).isEqualTo(Duration.ofSeconds(15));
        System.setProperty(NAME, "1500ms");
        assertThat(SimulationParameters.duration(NAME, "1")).isEqualTo(Duration.ofMillis(1500));
        assertThat(SimulationParameters.millis(1500)).isEqualTo("1500ms");
    }

    @Test
    void anAbsentPropertyTakesTheDefault() {
        assertThat(SimulationParameters.duration(NAME, "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SimulationParameters.positiveInt(NAME, 64)).isEqualTo(64);
        assertThat(SimulationParameters.list(NAME, "/json")).containsExactly("/json");
        assertThat(SimulationParameters.positiveNumber(NAME, "250")).isEqualTo(250.0);
    }

    @Test
    void aRateMayHaveDecimals() {
        System.setProperty(NAME, "62.5");
        assertThat(SimulationParameters.positiveNumber(NAME, "1")).isEqualTo(62.5);
    }

    @Test
    void aListIsCommaSeparatedAndTrimmed() {
        System.setProperty(NAME, "http://127.0.0.1:8080, http://127.0.0.1:8081,");
        assertThat(SimulationParameters.list(NAME, "x")).containsExactly("http://127.0.0.1:8080", "http://127.0.0.1:8081");
    }

    @Test
    void nonsenseIsRejectedWithTheParameterNamed() {
        System.setProperty(NAME, "soon");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulationParameters.duration(NAME, "1")).withMessageContaining(NAME);
        System.setProperty(NAME, "0");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulationParameters.positiveInt(NAME, 1)).withMessageContaining(NAME);
        System.setProperty(NAME, "-1");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulationParameters.positiveNumber(NAME, "1")).withMessageContaining(NAME);
        System.setProperty(NAME, "fast");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulationParameters.positiveNumber(NAME, "1")).withMessageContaining(NAME);
        System.setProperty(NAME, " , ");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulationParameters.list(NAME, "x")).withMessageContaining(NAME);
    }
}
