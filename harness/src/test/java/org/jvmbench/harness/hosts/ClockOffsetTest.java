package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClockOffsetTest {

    private static final long T = 1_700_000_000_000_000_000L;

    @Test
    void theOffsetIsTheHostTimeMinusTheMidpointOfTheRoundTrip() {
        // asked at T, answered at T + 2 ms; the host said T + 1 ms + 300 us: it is 300 us ahead
        ClockOffset.Reading reading = new ClockOffset.Reading(T, T + 1_300_000, T + 2_000_000);

        assertThat(reading.offsetNanos()).isEqualTo(300_000);
        assertThat(reading.roundTripNanos()).isEqualTo(2_000_000);
    }

    @Test
    void theMedianKeepsOneSlowRoundTripFromSkewingTheOffset() {
        List<ClockOffset.Reading> readings = List.of(
                new ClockOffset.Reading(T, T + 500_000, T + 1_000_000),
                new ClockOffset.Reading(T, T + 600_000, T + 1_000_000),
                // a reading delayed on its way back: its midpoint is far from when the host answered
                new ClockOffset.Reading(T, T + 500_000, T + 90_000_000));

        ClockOffset clock = ClockOffset.of(readings, TimeService.UNKNOWN);

        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
        assertThat(clock.roundTrip()).isEqualTo(Duration.ofMillis(1));
        assertThat(clock.readings()).isEqualTo(3);
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        assertThat(ClockOffset.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2L);
        assertThat(ClockOffset.median(List.of(-3L, -2L))).isEqualTo(-3L);
    }

    @Test
    void withinCountsHalfTheRoundTripAsUncertainty() {
        ClockOffset clock = new ClockOffset(Duration.ofMillis(-8), Duration.ofMillis(4), 9, TimeService.UNKNOWN);

        assertThat(clock.within(Duration.ofMillis(10))).isTrue();
        assertThat(clock.within(Duration.ofMillis(9))).isFalse();
    }
}
