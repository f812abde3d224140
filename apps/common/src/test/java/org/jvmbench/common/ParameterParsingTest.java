package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterParsingTest {

    private final IntParameter items = new IntParameter("items", 10, 1, 1000);

    @Test
    void missingParameterTakesTheDefault() {
        assertThat(items.parse(null)).isEqualTo(10);
    }

    @Test
    void valuesAtBothLimitsAreAccepted() {
        assertThat(items.parse("1")).isEqualTo(1);
        assertThat(items.parse("1000")).isEqualTo(1000);
    }

    @Test
    void nonNumberIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> items.parse("ten"))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("items");
                    assertThat(e.getMessage()).isEqualTo("must be an integer in [1, 1000]");
                });
    }

    @Test
    void emptyAndOverflowingValuesAreNotNumbers() {
        assertThatThrownBy(() -> items.parse("")).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> items.parse("99999999999")).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> items.parse("1.5")).isInstanceOf(BadParameterException.class);
    }

    @Test
    void valuesOutsideTheLimitsAreRejectedSayingWhy() {
        assertThatThrownBy(() -> items.parse("0"))
                .isInstanceOfSatisfying(BadParameterException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("must be in [1, 1000], was 0"));
        assertThatThrownBy(() -> items.parse("1001"))
                .isInstanceOfSatisfying(BadParameterException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("must be in [1, 1000], was 1001"));
    }

    @Test
    void rejectionBecomesTheBadParameterBody() {
        BadParameterException e = new BadParameterException("ms", "must be in [0, 1000], was -1");

        assertThat(e.body()).isEqualTo(new BadParameterBody("bad parameter", "ms", "must be in [0, 1000], was -1"));
    }

    @Test
    void aDefaultOutsideItsOwnLimitsIsAProgrammingError() {
        assertThatThrownBy(() -> new IntParameter("x", 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEndpointDefaultLiesWithinItsLimits() {
        assertThat(Parameters.ITEMS.parse(null)).isEqualTo(10);
        assertThat(Parameters.MS.parse(null)).isEqualTo(10);
        assertThat(Parameters.SPLIT.parse(null)).isEqualTo(1);
        assertThat(Parameters.N.max()).isEqualTo(10 * Parameters.N.defaultValue());
    }

    @Test
    void ioModeIsWaitUnlessOffloadIsAsked() {
        assertThat(IoMode.parse(null)).isEqualTo(IoMode.WAIT);
        assertThat(IoMode.parse("wait")).isEqualTo(IoMode.WAIT);
        assertThat(IoMode.parse("OFFLOAD")).isEqualTo(IoMode.OFFLOAD);
        assertThatThrownBy(() -> IoMode.parse("spin"))
                .isInstanceOfSatisfying(BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("mode"));
    }
}
