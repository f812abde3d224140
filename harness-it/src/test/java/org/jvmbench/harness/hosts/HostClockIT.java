package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hosts share this machine's clock, so what is measured is the method's own error. */
class HostClockIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    @Test
    void aHostOnTheSameClockMeasuresNearZero() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.injectors().get(1))) {
            ClockOffset clock = new HostClock().measure(connection);

            assertThat(clock.readings()).isEqualTo(9);
            assertThat(clock.roundTrip()).isPositive().isLessThan(Duration.ofMillis(500));
            assertThat(clock.offset().abs()).isLessThan(Duration.ofMillis(25));
            assertThat(clock.within(Duration.ofMillis(250))).isTrue();
            assertThat(clock.timeService()).isNotNull();
        }
    }
}
