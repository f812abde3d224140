package org.jvmbench.loadtests.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The open model's timetable, on clock readings the test makes up. */
class ArrivalScheduleTest {

    private static final long MS = 1_000_000L;
    private static final long START = 7_000 * MS;

    @Test
    void slotsAreEvenlySpacedFromTheFirstClaimWhoeverClaimsThem() {
        ArrivalSchedule schedule = new ArrivalSchedule(250, Duration.ofSeconds(1));

        assertThat(schedule.claim(START)).isEqualTo(START);
        assertThat(schedule.claim(START)).isEqualTo(START + 4 * MS);
        // a connection coming late gets the next slot all the same, already past
        assertThat(schedule.claim(START + 100 * MS)).isEqualTo(START + 8 * MS);
    }

    @Test
    void aFractionalRateKeepsItsSpacingWithoutDrift() {
        ArrivalSchedule schedule = new ArrivalSchedule(3, Duration.ofSeconds(10));
        long due = 0;
        for (int slot = 0; slot <= 29; slot++) {
            due = schedule.claim(START);
        }
        // slot 29 of 3 per second: 9.666... s, not 29 rounded intervals of 333 ms
        assertThat(due - START).isEqualTo(9_666_666_666L);
        assertThat(schedule.scheduled()).isEqualTo(30);
    }

    @Test
    void theScheduledCountIsTheSlotsDueBeforeTheEnd() {
        assertThat(new ArrivalSchedule(100, Duration.ofSeconds(2)).scheduled()).isEqualTo(200);
        assertThat(new ArrivalSchedule(62.5, Duration.ofSeconds(1)).scheduled()).isEqualTo(63);
        assertThat(new ArrivalSchedule(0.5, Duration.ofSeconds(3)).scheduled()).isEqualTo(2);
        assertThat(new ArrivalSchedule(1000, Duration.ofMillis(1500)).scheduled()).isEqualTo(1500);
    }

    @Test
    void noRequestIsClaimedAfterTheDurationEvenIfSomeWereNeverSent() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ofSeconds(1));
        schedule.claim(START);

        assertThat(schedule.claim(START + 1_000 * MS)).isEqualTo(ArrivalSchedule.NO_MORE);
    }

    @Test
    void theLastSlotIsDueBeforeTheEnd() {
        ArrivalSchedule schedule = new ArrivalSchedule(2, Duration.ofSeconds(1));

        assertThat(schedule.claim(START)).isEqualTo(START);
        assertThat(schedule.claim(START)).isEqualTo(START + 500 * MS);
        assertThat(schedule.claim(START)).isEqualTo(ArrivalSchedule.NO_MORE);
    }

    @Test
    void aRateMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalSchedule(0, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalSchedule(Double.NaN, Duration.ofSeconds(1)));
    }
}
