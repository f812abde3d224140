package org.jvmbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.phase.PhaseResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HungServerRuleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PhaseResult phase(long ok, Map<String, Long> errors, Long... perSecond) {
        long ko = errors.values().stream().mapToLong(Long::longValue).sum();
        return new PhaseResult("p", 0, ok + ko, ok, ko, errors, 0, 0, 1, null, List.of(perSecond), null, null);
    }

    @Test
    void aServerThatAnsweredNothingBeforeTheTimeoutIsHung() {
        assertThat(SweepRunner.hungReason(phase(0, Map.of("timeout", 16L), 0L, 0L, 16L), TIMEOUT))
                .isEqualTo("no request was answered within the request timeout (16 timed out)");
    }

    @Test
    void aServerThatOnlyAnsweredErrorsIsNotHungButErroneous() {
        assertThat(SweepRunner.hungReason(phase(0, Map.of("status_500", 40L), 20L, 20L), TIMEOUT)).isNull();
    }

    @Test
    void aStallOfHalfTheRequestTimeoutIsAHang() {
        assertThat(SweepRunner.hungReason(phase(100, Map.of(), 50L, 0L, 0L, 0L, 0L, 0L, 50L, 3L), TIMEOUT))
                .isEqualTo("no response completed for 5 s (from second 1)");
    }

    @Test
    void aShorterPauseIsLatencyNotAHang() {
        assertThat(SweepRunner.hungReason(phase(100, Map.of(), 50L, 0L, 0L, 0L, 0L, 50L, 3L), TIMEOUT)).isNull();
    }

    @Test
    void theLastPartialSecondDoesNotCount() {
        assertThat(SweepRunner.hungReason(phase(100, Map.of(), 50L, 50L, 0L), Duration.ofSeconds(2))).isNull();
    }

    @Test
    void shortTimeoutsStillNeedTwoQuietSeconds() {
        assertThat(SweepRunner.stallSeconds(Duration.ofSeconds(1))).isEqualTo(2);
        assertThat(SweepRunner.stallSeconds(Duration.ofSeconds(5))).isEqualTo(3);
        assertThat(SweepRunner.stallSeconds(Duration.ofSeconds(10))).isEqualTo(5);
    }
}
