package org.jvmbench.harness.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class ClockTicksTest {

    @Test
    void getconfOutputIsTrimmedAndParsed() {
        assertThat(ClockTicks.parse("250\n")).isEqualTo(250);
    }

    @Test
    void unusableGetconfOutputFallsBackToTheConventional100() {
        assertThat(ClockTicks.parse(null)).isEqualTo(100);
        assertThat(ClockTicks.parse("")).isEqualTo(100);
        assertThat(ClockTicks.parse("getconf: Unrecognized variable")).isEqualTo(100);
        assertThat(ClockTicks.parse("0")).isEqualTo(100);
        assertThat(ClockTicks.parse("-1")).isEqualTo(100);
    }

    @Test
    void ticksConvertToNanosExactly() {
        assertThat(ClockTicks.toNanos(150, 100)).isEqualTo(1_500_000_000L);
        assertThat(ClockTicks.toNanos(1, 1024)).isEqualTo(976_562L);
    }

    @Test
    void machineWideTickCountsOfLongUptimesDoNotOverflow() {
        // a year of 256 busy CPUs at 100 Hz: ticks * 1e9 alone would overflow a long
        long ticks = 256L * 100 * 365 * 24 * 3600;

        assertThat(ClockTicks.toNanos(ticks, 100)).isEqualTo(ticks * 10_000_000L);
        assertThat(ClockTicks.toNanos(ticks + 7, 300)).isEqualTo(
                BigInteger.valueOf(ticks + 7).multiply(BigInteger.valueOf(1_000_000_000L))
                        .divide(BigInteger.valueOf(300)).longValueExact());
    }

    @Test
    void detectedRateIsPositive() {
        assertThat(ClockTicks.perSecond()).isPositive();
    }
}
