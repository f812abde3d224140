package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.Keys;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.protocol.Histograms;
import org.junit.jupiter.api.Test;

/** A paired arm's turns: drawn in a reproducible order, flagged when parked arms work, merged exactly into its point. */
class PairedSlicesTest {

    private static final PointKey KEY = PointKey.of(Keys.configuration("servlet", 1, 64, false, 1), "/json", 64);
    private static final LoadPoint POINT = new LoadPoint(KEY, 1);

    @Test
    void theSameSeedDrawsTheSameRoundsAndEveryRoundHoldsEveryArmOnce() {
        List<String> arms = List.of("a", "b", "c", "d");
        RoundOrder first = new RoundOrder(42);
        RoundOrder again = new RoundOrder(42);
        RoundOrder other = new RoundOrder(43);
        Set<List<String>> seen = new HashSet<>();
        boolean differs = false;
        for (int round = 0; round < 12; round++) {
            List<String> order = first.next(arms);
            assertThat(order).containsExactlyInAnyOrderElementsOf(arms);
            assertThat(again.next(arms)).isEqualTo(order);
            differs |= !other.next(arms).equals(order);
            seen.add(order);
        }
        assertThat(differs).as("another seed draws other rounds").isTrue();
        assertThat(seen).as("the order changes from round to round").hasSizeGreaterThan(1);
    }

    @Test
    void aSliceDuringWhichParkedArmsUsedMoreThanTheirShareOfTheServerCpusIsFlagged() {
        PointResult result = result(1000, 5.0, List.of(), 10, 100, 200);
        assertThat(PairedMerge.slice(result, 3, 1, 0.95, 0.04, 1).flags()).isEmpty();
        Slice busy = PairedMerge.slice(result, 3, 1, 0.95, 0.06, 1);
        assertThat(busy.flags()).extracting(Flag::code).containsExactly(Flag.Code.PARKED_BUSY);
        assertThat(busy.flags().getFirst().reason()).contains("0.06 cores").contains("round 3");
        // the share is of all the server's CPUs: 0.06 cores of two is 3 %
        assertThat(PairedMerge.slice(result, 3, 1, 0.95, 0.06, 2).flags()).isEmpty();
    }

    @Test
    void theParkedArmsCpuIsWhatTheirJvmsCountersGrewByOverTheSlicesWallTime() {
        // two parked JVMs: one idle (1 ms in a 5 s slice), one burning half a core (2.5 s); a third gone meanwhile
        Map<Long, Long> before = Map.of(11L, 1_000_000_000L, 12L, 7_000_000_000L, 13L, 5L);
        Map<Long, Long> after = Map.of(11L, 1_001_000_000L, 12L, 9_500_000_000L);
        long fiveSeconds = 5_000_000_000L;
        assertThat(PairedExecution.cores(List.of(11L, 12L, 13L), before, after, fiveSeconds)).isEqualTo(0.5002);
        assertThat(PairedExecution.cores(List.of(11L), before, after, fiveSeconds)).isEqualTo(0.0002);
        Slice slice = PairedMerge.slice(result(1000, 5.0, List.of(), 0, 100), 4, 2, 0.49,
                PairedExecution.cores(List.of(11L, 12L, 13L), before, after, fiveSeconds), 1);
        assertThat(slice.flags()).extracting(Flag::code).containsExactly(Flag.Code.PARKED_BUSY);
        assertThat(slice.parkedCpuCores()).isEqualTo(0.5002);
    }

    @Test
    void aSlicesOwnDriftIsNotAFlagButEveryOtherFlagStays() {
        PointResult result = result(1000, 5.0, List.of(new Flag(Flag.Code.UNSTEADY, "trend"), new Flag(Flag.Code.ERRORS, "5 %")), 0,
                100);
        assertThat(PairedMerge.slice(result, 1, 2, 0.9, 0, 1).flags()).extracting(Flag::code).containsExactly(Flag.Code.ERRORS);
    }

    @Test
    void anArmsPointAddsItsSlicesCountsAndMergesTheirHistogramsExactly() {
        List<PointResult> results = List.of(result(1000, 5.0, List.of(), 0, 100, 200, 300), result(3000, 5.0, List.of(), 0, 400, 5000),
                result(2000, 5.0, List.of(), 0, 50));
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            slices.add(PairedMerge.slice(results.get(i), i + 1, 1, 1.0, 0, 1));
        }
        PointResult point = PairedMerge.point(POINT, results, slices);

        assertThat(point.throughput().requests()).isEqualTo(6000);
        assertThat(point.counts()).as("each slice's client and server counts, added").isEqualTo(new Reconciliation(6000, 6003));
        assertThat(point.throughput().windowSeconds()).isEqualTo(15.0);
        assertThat(point.throughput().rps()).isEqualTo(400.0);
        Histogram all = histogram(100, 200, 300, 400, 5000, 50);
        assertThat(point.latency()).isEqualTo(Latencies.summarize(all));
        assertThat(point.slices()).hasSize(3);
        assertThat(point.slices()).extracting(Slice::rps).containsExactly(200.0, 600.0, 400.0);
        assertThat(point.stability().rpsCv()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(point.stability().trend()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anArmWhoseJitCompiledThroughItsSlicesIsUnsteadyAndItsFlagsAreKeptOnce() {
        List<PointResult> results = List.of(result(1000, 5.0, List.of(new Flag(Flag.Code.NOISY_NEIGHBOUR, "a")), 200, 100),
                result(1000, 5.0, List.of(new Flag(Flag.Code.NOISY_NEIGHBOUR, "b")), 0, 100));
        List<Slice> slices = List.of(PairedMerge.slice(results.get(0), 1, 1, 1, 0, 1), PairedMerge.slice(results.get(1), 2, 2, 1, 0, 1));
        PointResult point = PairedMerge.point(POINT, results, slices);
        // 200 ms of compilation in 10 s of slices is 2.0 %: not above the share
        assertThat(point.flags()).extracting(Flag::code).containsExactly(Flag.Code.NOISY_NEIGHBOUR);

        List<PointResult> compiling = List.of(result(1000, 5.0, List.of(), 300, 100), result(1000, 5.0, List.of(), 0, 100));
        PointResult unsteady = PairedMerge.point(POINT, compiling,
                List.of(PairedMerge.slice(compiling.get(0), 1, 1, 1, 0, 1), PairedMerge.slice(compiling.get(1), 2, 1, 1, 0, 1)));
        assertThat(unsteady.flags()).extracting(Flag::code).containsExactly(Flag.Code.UNSTEADY);
        assertThat(unsteady.flags().getFirst().reason()).isEqualTo("the JIT compiled for 3.0 % of the slices' time");
    }

    @Test
    void thePairedDesignRunsTheForksOfARepetitionTogetherAndTheSequentialOneEachForkAlone() {
        String sweep = """
                cpus: {server: "0", injector: "1"}
                repeat: 2
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                  - {app: servlet, threads: [8, 64]}
                  - app: reactive
                """;
        Plan paired = Plan.of(SweepReader.parse("design: paired\n" + sweep, SweepReader.Format.YAML, "s.yaml", "s", 2));
        List<List<Fork>> blocks = SweepRunner.executions(paired);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0)).extracting(Fork::id)
                .containsExactly("servlet-p1-wdef-t8-r1", "servlet-p1-wdef-t64-r1", "reactive-p1-wdef-tdef-r1");
        assertThat(blocks.get(1)).extracting(Fork::repetition).containsOnly(2);
        // started and warmed in the sweep's order, then the other way round: no arm always warms last
        assertThat(PairedExecution.startOrder(blocks.get(0))).extracting(Fork::id)
                .containsExactly("servlet-p1-wdef-t8-r1", "servlet-p1-wdef-t64-r1", "reactive-p1-wdef-tdef-r1");
        assertThat(PairedExecution.startOrder(blocks.get(1))).extracting(Fork::id)
                .containsExactly("reactive-p1-wdef-tdef-r2", "servlet-p1-wdef-t64-r2", "servlet-p1-wdef-t8-r2");

        Plan sequential = Plan.of(SweepReader.parse(sweep, SweepReader.Format.YAML, "s.yaml", "s", 2));
        assertThat(SweepRunner.executions(sequential)).hasSize(6).allSatisfy(b -> assertThat(b).hasSize(1));
    }

    @Test
    void aRepetitionThatNeedsMoreJvmsThanMayLiveRunsInBlocksThatEachKeepTheBaseline() {
        Plan plan = Plan.of(SweepReader.parse("""
                design: paired
                paired: {maxAlive: 3}
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                  - {app: servlet, threads: [8, 16, 32, 64]}
                  - {app: reactive, processes: 2}
                """, SweepReader.Format.YAML, "s.yaml", "s", 2));
        List<Fork> repetition = SweepRunner.executions(plan).getFirst();
        assertThat(Plan.blocks(repetition, 3)).extracting(b -> b.stream().map(Fork::id).toList()).containsExactly(
                List.of("servlet-p1-wdef-t8-r1", "servlet-p1-wdef-t16-r1", "servlet-p1-wdef-t32-r1"),
                List.of("servlet-p1-wdef-t8-r1", "servlet-p1-wdef-t64-r1"),
                // two processes: beside the baseline's one JVM there is no room for another fork
                List.of("servlet-p1-wdef-t8-r1", "reactive-p2-wdef-tdef-r1"));
        assertThat(Plan.blocks(repetition, 6)).hasSize(1);
        assertThat(Plan.blocks(repetition, null)).containsExactly(repetition);
    }

    @Test
    void theEstimateWarmsAndMeasuresTheBaselineAgainInEveryBlockAfterTheFirst() {
        String sweep = """
                design: paired
                paired: {rounds: 4, slice: 5s, maxAlive: %d}
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                  - {app: servlet, threads: [%s]}
                """;
        org.jvmbench.harness.plan.Timings timings = org.jvmbench.harness.plan.Timings.DEFAULTS;
        java.time.Duration pair = Plan.of(SweepReader.parse(sweep.formatted(3, "8, 16"), SweepReader.Format.YAML, "s.yaml", "s", 2))
                .estimate(timings, 0);
        java.time.Duration together = Plan.of(SweepReader.parse(sweep.formatted(3, "8, 16, 32"), SweepReader.Format.YAML, "s.yaml",
                "s", 2)).estimate(timings, 0);
        java.time.Duration inBlocks = Plan.of(SweepReader.parse(sweep.formatted(2, "8, 16, 32"), SweepReader.Format.YAML, "s.yaml",
                "s", 2)).estimate(timings, 0);
        // a fork more costs its start, its warm-up and its slices; a block more, the baseline's warm-up and slices again
        assertThat(inBlocks.minus(together)).isEqualTo(together.minus(pair).minus(timings.perFork()));
    }

    private static Histogram histogram(long... micros) {
        Histogram h = new Histogram(Histograms.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        for (long m : micros) {
            h.recordValue(m);
        }
        return h;
    }

    /** A slice's result: {@code requests} OK over {@code seconds}, its latencies, flags and JIT time. */
    private static PointResult result(long requests, double seconds, List<Flag> flags, long jitMs, long... micros) {
        Histogram h = histogram(micros);
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        return PointResult.builder(POINT.id(), KEY, 1)
                .window(start, start.plusMillis((long) (seconds * 1000)))
                .throughput(Throughput.of(requests, requests, 0, Map.of(), seconds))
                .latency(Latencies.summarize(h))
                .counts(new Reconciliation(requests, requests + 1))
                .flags(flags)
                .histogram(Histograms.encode(h))
                .files(Map.of())
                .stability(new Stability(4, 0.05, 0.01, jitMs, 10, 1, 0, 0))
                .build();
    }
}
