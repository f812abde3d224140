package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeServiceTest {

    @Test
    void chronyFastMeansTheHostIsAhead() {
        String tracking = """
                Reference ID    : A9FEA97B (169.254.169.123)
                Stratum         : 4
                System time     : 0.000012345 seconds fast of NTP time
                Last offset     : -0.000001234 seconds
                Leap status     : Normal
                """;

        TimeService service = TimeService.parse(tracking);

        assertThat(service.source()).isEqualTo("chrony");
        assertThat(service.offset()).isEqualTo(Duration.ofNanos(12_345));
        assertThat(service.line()).isEqualTo("System time     : 0.000012345 seconds fast of NTP time");
    }

    @Test
    void chronySlowMeansTheHostIsBehind() {
        assertThat(TimeService.parse("System time     : 1.500000000 seconds slow of NTP time\n").offset())
                .isEqualTo(Duration.ofMillis(-1500));
    }

    @Test
    void timesyncdPrintsTheNtpOffsetWhichIsTheReferenceMinusTheHost() {
        String status = """
                       Server: 192.168.1.1 (192.168.1.1)
                      Stratum: 2
                       Offset: -210us
                        Delay: 1.226ms
                """;

        TimeService service = TimeService.parse(status);

        assertThat(service.source()).isEqualTo("systemd-timesyncd");
        assertThat(service.offset()).isEqualTo(Duration.ofNanos(210_000));
        assertThat(TimeService.parse("  Offset: +1.5ms\n").offset()).isEqualTo(Duration.ofNanos(-1_500_000));
    }

    @Test
    void noServiceIsUnknownWithoutAnOffset() {
        assertThat(TimeService.parse("")).isEqualTo(TimeService.UNKNOWN);
        assertThat(TimeService.parse("System has not been booted with systemd as init system (PID 1). Can't operate.\n").offset()).isNull();
    }
}
