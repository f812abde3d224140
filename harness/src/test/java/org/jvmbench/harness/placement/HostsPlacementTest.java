package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.hosts.ClockOffset;
import org.jvmbench.harness.settings.Host;
import org.jvmbench.harness.hosts.TimeService;

class HostsPlacementTest {

    private static final Host HOST = Host.parse("bench@10.0.0.2", null);

    @Test
    void readsTheFeatureVersionOfAHostsJavaFromItsVersionLine() {
        assertThat(HostsPlacement.javaFeature("openjdk version \"25.0.1\" 2025-10-21 LTS")).isEqualTo(25);
        assertThat(HostsPlacement.javaFeature("openjdk version \"17.0.15\" 2025-04-15")).isEqualTo(17);
        assertThat(HostsPlacement.javaFeature("java version \"1.8.0_402\"")).isEqualTo(8);
        assertThat(HostsPlacement.javaFeature("openjdk version \"26-ea\" 2026-03-17")).isEqualTo(26);
        assertThat(HostsPlacement.javaFeature("?")).isZero();
    }

    @Test
    void aClockBeyondTheToleranceIsRefusedInOneLineNamingTheHost() {
        ClockOffset off = new ClockOffset(Duration.ofMillis(12), Duration.ofMillis(2), 9, TimeService.UNKNOWN);

        assertThatThrownBy(() -> HostsPlacement.requireClock("hosts.injectors[0]", HOST, off, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hosts.injectors[0]: the clock of bench@10.0.0.2:22 is off by +12.00 ms (round trip 2.00 ms), "
                        + "beyond hosts.clockOffset (10 ms): synchronise it (chrony, systemd-timesyncd) before a sweep");
    }

    @Test
    void halfTheRoundTripCountsAgainstTheTolerance() {
        ClockOffset near = new ClockOffset(Duration.ofMillis(-4), Duration.ofMillis(10), 9, TimeService.UNKNOWN);

        assertThatCode(() -> HostsPlacement.requireClock("hosts.server", HOST, near, Duration.ofMillis(9))).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostsPlacement.requireClock("hosts.server", HOST, near, Duration.ofMillis(8)))
                .hasMessageStartingWith("hosts.server: the clock of bench@10.0.0.2:22 is off by -4.00 ms");
    }
}
