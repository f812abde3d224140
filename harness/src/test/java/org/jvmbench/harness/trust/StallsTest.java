package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StallsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void theVirtualThreadStallsOfTheOldExampleAreCountedButAreNotAHang() {
        List<Long> stalled = RecordedSeries.rps("stalled");

        Stalls stalls = Stalls.of(stalled);

        assertThat(stalls.stalledSeconds()).isEqualTo(8);
        assertThat(stalls.longest()).isEqualTo(4);
        assertThat(Stalls.hungReason(30_000, 29_990, 10, Map.of("status_500", 10L), stalled, TIMEOUT)).isNull();
    }

    @Test
    void theStarvedPoolOfTheOldExampleIsHung() {
        List<Long> hung = RecordedSeries.rps("hung");

        assertThat(Stalls.hungReason(48, 0, 48, Map.of("timeout", 48L), hung, TIMEOUT))
                .isEqualTo("no request was answered within the request timeout (48 timed out)");
        // that sweep ran with a 5 s request timeout: a 3 s stall is a hang there
        assertThat(Stalls.hungReason(50, 2, 48, Map.of("timeout", 48L), hung, Duration.ofSeconds(5)))
                .isEqualTo("no response completed for 4 s (from second 1)");
    }

    @Test
    void aStallOfHalfTheRequestTimeoutIsAHang() {
        assertThat(Stalls.hungReason(100, 100, 0, Map.of(), List.of(50L, 0L, 0L, 0L, 0L, 0L, 50L), TIMEOUT))
                .isEqualTo("no response completed for 5 s (from second 1)");
        assertThat(Stalls.hungReason(100, 100, 0, Map.of(), List.of(50L, 0L, 0L, 0L, 0L, 50L), TIMEOUT)).isNull();
    }

    @Test
    void aServerThatOnlyAnsweredErrorsIsNotHung() {
        assertThat(Stalls.hungReason(40, 0, 40, Map.of("status_500", 40L), List.of(20L, 20L), TIMEOUT)).isNull();
    }

    @Test
    void nothingCompletedIsAHang() {
        assertThat(Stalls.hungReason(0, 0, 0, Map.of(), List.of(), TIMEOUT)).isEqualTo("no request completed");
    }

    @Test
    void theHangIsHalfTheRequestTimeoutButAtLeastTwoSeconds() {
        assertThat(Stalls.hangSeconds(Duration.ofSeconds(10))).isEqualTo(5);
        assertThat(Stalls.hangSeconds(Duration.ofSeconds(3))).isEqualTo(2);
        assertThat(Stalls.hangSeconds(Duration.ofMillis(500))).isEqualTo(2);
    }
}
