package org.jvmbench.harness.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.jvmbench.harness.sampling.Synthetic.at;
import static org.jvmbench.harness.sampling.Synthetic.epochMs;
import static org.jvmbench.harness.sampling.Synthetic.process;

import java.util.ArrayList;
import java.util.List;

import org.jvmbench.harness.result.Series;
import org.junit.jupiter.api.Test;

class WindowUsageTest {

    private static final Targets SERVER = Targets.servers(List.of(1L));
    private static final Targets SERVER_AND_INJECTOR = new Targets(List.of(1L), 9L);

    /** A server busy 1 core during warm-up (0-2 s), then 0.5 core (2-6 s); nothing else runs. */
    private static List<Sample> warmUpThenSteady() {
        List<Sample> samples = new ArrayList<>();
        long cpu = 0;
        for (int second = 0; second <= 6; second++) {
            samples.add(at(second, SERVER, cpu, process(1, cpu, 100L * (second + 1))));
            cpu += second < 2 ? 1000 : 500;
        }
        return samples;
    }

    @Test
    void samplesOutsideTheWindowAreLeftOut() {
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(2), epochMs(6));

        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.5, within(1e-9));
        assertThat(usage.resources().serverCpuCoresPeak()).isCloseTo(0.5, within(1e-9));
        assertThat(usage.intervals()).isEqualTo(4);
        assertThat(usage.widened()).isFalse();
    }

    @Test
    void samplesExactlyOnTheWindowEdgesCount() {
        assertThat(WindowUsage.of(warmUpThenSteady(), epochMs(2), epochMs(6)).intervals()).isEqualTo(4);
        assertThat(WindowUsage.of(warmUpThenSteady(), epochMs(2) + 1, epochMs(6) - 1).intervals()).isEqualTo(2);
    }

    @Test
    void partialIntervalsAtTheEdgesAreDroppedNotInterpolated() {
        // 1.5-4.5 s: half of the 1-2 s warm-up interval would add 0.5 s of CPU if interpolated
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(1.5), epochMs(4.5));

        assertThat(usage.intervals()).isEqualTo(2);
        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.5, within(1e-9));
        // RSS 300, 400, 500 at 2, 3, 4 s
        assertThat(usage.resources().serverRssBytes()).isEqualTo(400);
        assertThat(usage.resources().serverRssBytesPeak()).isEqualTo(500);
    }

    @Test
    void aWindowShorterThanOnePeriodWidensToTheSamplesAroundIt() {
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(1.2), epochMs(1.8));

        assertThat(usage.widened()).isTrue();
        assertThat(usage.intervals()).isEqualTo(1);
        assertThat(usage.resources().serverCpuCores()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aWindowWithOneSampleInsideWidensToTheSamplesAroundIt() {
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(1.5), epochMs(2.5));

        assertThat(usage.widened()).isTrue();
        assertThat(usage.intervals()).isEqualTo(2);
        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aWindowPastTheLastSampleIsRejected() {
        assertThatThrownBy(() -> WindowUsage.of(warmUpThenSteady(), epochMs(10), epochMs(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need two samples");
    }

    @Test
    void aWindowEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> WindowUsage.of(warmUpThenSteady(), epochMs(3), epochMs(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
    }

    @Test
    void otherCpuIsClampedAtZeroWhenTickRoundingMakesItNegative() {
        // machine counted 0.98 s busy while the server alone counted 1.00 s
        List<Sample> samples = List.of(
                at(0, SERVER, 0, process(1, 0, 1)),
                at(1, SERVER, 980, process(1, 1000, 1)));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(1));

        assertThat(usage.resources().otherCpuCores()).isZero();
        assertThat(usage.resources().otherCpuCoresPeak()).isZero();
        assertThat(usage.otherCpuCores()).containsExactly(0.0);
    }

    @Test
    void otherCpuMeanComesFromTotalsSoRoundingNoiseDoesNotAddUp() {
        // +20 ms and -20 ms of "other" alternate: clamping each second would report 0.01 cores
        List<Sample> samples = List.of(
                at(0, SERVER, 0, process(1, 0, 1)),
                at(1, SERVER, 1020, process(1, 1000, 1)),
                at(2, SERVER, 2000, process(1, 2000, 1)));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(2));

        assertThat(usage.resources().otherCpuCores()).isCloseTo(0.0, within(1e-9));
        assertThat(usage.resources().otherCpuCoresPeak()).isCloseTo(0.02, within(1e-9));
        assertThat(usage.otherCpuCores()).containsExactly(0.02, 0.0);
    }

    @Test
    void otherCpuSubtractsServerAndInjector() {
        List<Sample> samples = List.of(
                at(0, SERVER_AND_INJECTOR, 0, process(1, 0, 1), process(9, 0, 1)),
                at(1, SERVER_AND_INJECTOR, 1500, process(1, 700, 1), process(9, 500, 1)),
                at(2, SERVER_AND_INJECTOR, 2700, process(1, 1400, 1), process(9, 1000, 1)));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(2));

        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.7, within(1e-9));
        assertThat(usage.resources().injectorCpuCores()).isCloseTo(0.5, within(1e-9));
        assertThat(usage.resources().injectorCpus()).isEqualTo(2);
        assertThat(usage.resources().otherCpuCores()).isCloseTo(0.15, within(1e-9));
        assertThat(usage.resources().otherCpuCoresPeak()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void aPidReusedByANewProcessAddsNoNegativeCpu() {
        List<Sample> samples = List.of(
                at(0, SERVER, 0, process(1, 50_000, 1)),
                at(1, SERVER, 1000, process(1, 10, 1)));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(1));

        assertThat(usage.resources().serverCpuCores()).isZero();
        assertThat(usage.resources().otherCpuCores()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anInjectorThatIsGoneIsReportedAndItsMeanCoversOnlyTheSecondsItWasMeasured() {
        List<Sample> samples = List.of(
                at(0, SERVER_AND_INJECTOR, 0, process(1, 0, 1), process(9, 0, 1)),
                at(1, SERVER_AND_INJECTOR, 1000, process(1, 200, 1), process(9, 800, 1)),
                at(2, SERVER_AND_INJECTOR, 1300, process(1, 400, 1)));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(2));

        assertThat(usage.injectorGone()).isTrue();
        assertThat(usage.goneServerPids()).isEmpty();
        assertThat(usage.resources().injectorCpuCores()).isCloseTo(0.8, within(1e-9));
        assertThat(usage.injectorCpuCores()).containsExactly(0.8, 0.0);
    }

    @Test
    void noInjectorMeansNoInjectorCpus() {
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(0), epochMs(6));

        assertThat(usage.resources().injectorCpuCores()).isZero();
        assertThat(usage.resources().injectorCpus()).isZero();
        assertThat(usage.injectorGone()).isFalse();
    }

    @Test
    void pssIsNullWhenAnyServerReadingLacksIt() {
        Targets two = Targets.servers(List.of(1L, 2L));
        ProcessReading withoutPss = new ProcessReading(2, 0, 100, null, 1, 1);
        List<Sample> samples = List.of(
                at(0, two, 0, process(1, 0, 100), withoutPss),
                at(1, two, 0, process(1, 0, 100), withoutPss));

        WindowUsage usage = WindowUsage.of(samples, epochMs(0), epochMs(1));

        assertThat(usage.resources().serverPssBytes()).isNull();
        assertThat(usage.resources().serverRssBytes()).isEqualTo(200);
    }

    @Test
    void seriesHasOneEntryPerIntervalAndCarriesTheCallersRps() {
        WindowUsage usage = WindowUsage.of(warmUpThenSteady(), epochMs(0), epochMs(6));

        Series series = usage.series(1L, List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0));

        assertThat(series.rps()).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
        assertThat(series.serverCpuCores()).containsExactly(1.0, 1.0, 0.5, 0.5, 0.5, 0.5);
        assertThat(series.serverRssBytes()).containsExactly(200L, 300L, 400L, 500L, 600L, 700L);
        assertThat(series.injectorCpuCores()).hasSize(6);
        assertThat(series.otherCpuCores()).containsOnly(0.0);
    }

    @Test
    void ratesUseTheMonotonicClockNotTheWallClock() {
        // the wall clock stepped back 300 ms between the samples; monotonic time says 1 s passed
        Sample first = at(0, SERVER, 0, process(1, 0, 1));
        Sample second = at(1, SERVER, 500, process(1, 500, 1));
        Sample stepped = new Sample(second.monotonicNanos(), second.epochMs() - 300, second.targets(),
                second.processes(), second.machine());

        WindowUsage usage = WindowUsage.of(List.of(first, stepped), epochMs(0), epochMs(1));

        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.5, within(1e-9));
    }
}
