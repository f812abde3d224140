package org.jvmbench.harness.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Throughput is what was answered: a server refusing connections must not look fast. */
class ThroughputTest {

    @Test
    void aDyingServersRefusedConnectionsAreCountedBesideTheRateNotInIt() {
        // 10 s window: 2,000 answered, then 48,000 refused in quick succession
        Throughput dying = Throughput.of(50_000, 2_000, 48_000, Map.of("connection", 48_000L), 10.0);
        Throughput healthy = Throughput.of(10_000, 10_000, 0, Map.of(), 10.0);

        assertThat(dying.rps()).isEqualTo(200.0);
        assertThat(dying.rps()).isLessThan(healthy.rps());
        assertThat(dying.errorRatio()).isEqualTo(0.96);
    }

    @Test
    void anEmptyWindowHasNoRate() {
        assertThat(Throughput.of(0, 0, 0, Map.of(), 0).rps()).isZero();
    }
}
