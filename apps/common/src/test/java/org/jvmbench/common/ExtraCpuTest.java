package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ExtraCpuTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Thread CPU time, in microseconds, that {@code requests} burns of {@code spin} take. */
    private static double cpuMicrosOf(ExtraCpu spin, int requests) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < requests; i++) {
            spin.burn();
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0;
    }

    @Test
    void eachRequestBurnsAtLeastTheAskedCpuTimeOnItsOwnThread() {
        ExtraCpu spin = ExtraCpu.calibrated(50);
        cpuMicrosOf(spin, 2_000); // the request path compiled, as on a warmed server

        double burned = cpuMicrosOf(spin, 2_000);

        // 2,000 × 50 µs asked; the calibration is a median of 2 ms rounds on this thread's CPU
        // clock, so nearly all of it must show on the same clock, and not much more: measured on
        // the 2-CPU build VM at load 18, 94–104 % of the asked time; without the spin, about 0
        assertThat(burned).as("CPU µs for 2,000 requests of 50 µs").isBetween(0.9 * 100_000, 1.5 * 100_000);
    }

    @Test
    void theCostScalesWithTheAskedTime() {
        ExtraCpu small = ExtraCpu.calibrated(10);
        ExtraCpu large = ExtraCpu.calibrated(200);

        assertThat(large.stepsPerMicro()).isPositive();
        assertThat(cpuMicrosOf(large, 200) / cpuMicrosOf(small, 200)).isBetween(10.0, 40.0);
    }

    @Test
    void zeroBurnsNothingAndIsNotCalibrated() {
        ExtraCpu none = ExtraCpu.calibrated(0);

        assertThat(none).isSameAs(ExtraCpu.NONE);
        assertThat(none.micros()).isZero();
        assertThat(none.stepsPerMicro()).isZero();
        assertThat(cpuMicrosOf(none, 100_000)).as("CPU µs for 100,000 requests asking nothing").isLessThan(20_000);
    }

    @Test
    void aNegativeTimeIsRefusedInOneLine() {
        assertThatThrownBy(() -> ExtraCpu.calibrated(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extra CPU per request must be 0 or more microseconds, got -1");
    }
}
