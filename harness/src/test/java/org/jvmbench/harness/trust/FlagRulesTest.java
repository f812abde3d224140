package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Flag.Code;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.WarmUp;

class FlagRulesTest {

    private static final Throughput CLEAN_LOAD = throughput(10_000, Map.of());
    private static final Reconciliation SAME_COUNTS = new Reconciliation(10_000, 10_000);
    private static final ResourceUsage QUIET = resources(0.5, 1, 0.02, 0.05);

    private static Throughput throughput(long requests, Map<String, Long> errors) {
        long ko = errors.values().stream().mapToLong(Long::longValue).sum();
        return Throughput.of(requests, requests - ko, ko, errors, 30.0);
    }

    /** Machine-wide other CPU only, as on an unpinned run. */
    private static ResourceUsage resources(double injectorCores, int injectorCpus, double otherMean, double otherPeak) {
        return ResourceUsage.builder().serverCpuCores(1.2).serverCpuCoresPeak(1.5).serverRssBytes(300L << 20)
                .serverRssBytesPeak(320L << 20).serverPssBytes(250L << 20).serverThreads(40)
                .injectorCpuCores(injectorCores).injectorCpus(injectorCpus).otherCpuCores(otherMean)
                .otherCpuCoresPeak(otherPeak).build();
    }

    /** Pinned: other processes and steal judged on the server's and the injector's CPUs apart. */
    private static ResourceUsage pinned(double serverOther, double serverOtherPeak, double injectorOther,
                                        double serverSteal, double injectorSteal) {
        return ResourceUsage.builder().serverCpuCores(1.0).serverCpuCoresPeak(1.0).serverRssBytes(300L << 20)
                .serverRssBytesPeak(320L << 20).serverPssBytes(250L << 20).serverThreads(40).injectorCpuCores(0.5)
                .injectorCpus(1).otherCpuCores(0).otherCpuCoresPeak(0).serverCpusOther(serverOther)
                .serverCpusOtherPeak(serverOtherPeak).injectorCpusOther(injectorOther)
                .injectorCpusOtherPeak(injectorOther).serverCpusSteal(serverSteal).injectorCpusSteal(injectorSteal)
                .build();
    }

    private static Evidence evidence(Throughput throughput, ResourceUsage resources, Reconciliation counts) {
        return Evidence.builder().throughput(throughput).resources(resources).counts(counts).build();
    }

    private static List<Flag> flags(Throughput throughput, ResourceUsage resources, Reconciliation counts) {
        return FlagRules.evaluate(evidence(throughput, resources, counts));
    }

    private static Series injectorSeries(List<Double> injectorCores) {
        List<Double> zeros = Collections.nCopies(injectorCores.size(), 0.0);
        return new Series(1L, zeros, zeros, Collections.nCopies(injectorCores.size(), 0L), injectorCores, zeros);
    }

    private static Stability stability(List<Long> perSecond, long jitMs) {
        Steadiness shape = Steadiness.of(perSecond);
        Stalls stalls = Stalls.of(perSecond);
        return new Stability(shape.seconds(), shape.cv(), shape.trend(), jitMs, 0, 0, stalls.stalledSeconds(), stalls.longest());
    }

    @Test
    void aCleanPointHasNoFlags() {
        assertThat(flags(CLEAN_LOAD, QUIET, SAME_COUNTS)).isEmpty();
    }

    @Test
    void defaultThresholdsAreTheOnesInDefaults() {
        FlagRules.Thresholds t = FlagRules.Thresholds.defaults();
        assertThat(List.of(t.injectorSaturatedRatio(), t.injectorSaturatedShare(), t.injectorBoundRatio(), t.errorRatio(),
                t.countMismatchRatio(), t.noisyOtherCpuCoresMean(), t.noisyOtherCpuCoresPeak(), t.stealCoresMean(),
                t.trend(), t.jitShare(), t.injectorLateShare())).containsExactly(
                Defaults.INJECTOR_SATURATED_RATIO, Defaults.INJECTOR_SATURATED_SHARE, Defaults.INJECTOR_BOUND_RATIO,
                Defaults.ERROR_RATIO, Defaults.COUNT_MISMATCH_RATIO, Defaults.NOISY_OTHER_CPU_CORES_MEAN,
                Defaults.NOISY_OTHER_CPU_CORES_PEAK, Defaults.STEAL_CORES_MEAN, Defaults.POINT_TREND, Defaults.POINT_JIT_SHARE,
                Defaults.INJECTOR_LATE_SHARE);
    }

    // --- injector saturated: enough seconds at or above 90 % of its CPUs ----------------------------

    @Test
    void theColdInjectorOfTheOldFirstPointIsSaturatedSecondBySecondThoughItsMeanIsBelowTheLine() {
        List<Double> perSecond = RecordedSeries.injectorCores("rising");
        double mean = perSecond.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(resources(mean, 1, 0, 0))
                .series(injectorSeries(perSecond)).counts(SAME_COUNTS).build();

        assertThat(mean).isLessThan(0.9);
        assertThat(FlagRules.evaluate(e)).extracting(Flag::code).containsExactly(Code.INJECTOR_SATURATED);
        assertThat(FlagRules.evaluate(e).getFirst().reason()).startsWith("injector at ≥ 90 % of its 1 CPU in 6 of 14 seconds (mean 0.74 cores)");
    }

    @Test
    void aFewBusySecondsBelowTheShareAreNotASaturatedInjector() {
        List<Double> perSecond = List.of(0.95, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(resources(0.55, 1, 0, 0))
                .series(injectorSeries(perSecond)).counts(SAME_COUNTS).build();

        assertThat(FlagRules.evaluate(e)).isEmpty();
    }

    @Test
    void withoutASeriesAMeanAtTheThresholdStillFlags() {
        assertThat(flags(CLEAN_LOAD, resources(1.8, 2, 0, 0), SAME_COUNTS)).extracting(Flag::code)
                .containsExactly(Code.INJECTOR_SATURATED);
        assertThat(flags(CLEAN_LOAD, resources(0.8999, 1, 0, 0), SAME_COUNTS)).isEmpty();
        assertThat(flags(CLEAN_LOAD, resources(5.0, 0, 0, 0), SAME_COUNTS)).isEmpty();
    }

    // --- injector bound: within 80 % of what it reaches against a minimal server -------------------

    @Test
    void aPointNearTheInjectorsOwnCeilingIsFlaggedWithBothFigures() {
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .injectorCeilingRps(400.0).build();

        assertThat(FlagRules.evaluate(e)).containsExactly(new Flag(Code.INJECTOR_BOUND,
                "333 rps is 83 % of the 400 rps the same injector reaches against a minimal server (≥ 80 %)"));
        assertThat(FlagRules.evaluate(Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .injectorCeilingRps(420.0).build())).isEmpty();
    }

    // --- errors and counts -------------------------------------------------------------------------

    @Test
    void failedRequestsAreFlaggedWithTheirShareAndKindsMostFrequentFirst() {
        assertThat(flags(throughput(6_000, Map.of("timeout", 3L, "status_500", 12L)), QUIET, SAME_COUNTS)).containsExactly(
                new Flag(Code.ERRORS, "0.25 % of requests failed (status_500: 12, timeout: 3)"));
        assertThat(flags(throughput(1_000, Map.of("status_500", 1L)), QUIET, SAME_COUNTS)).isEmpty();
        assertThat(flags(new Throughput(1_000, 990, 10, Map.of(), 30, 33.0), QUIET, SAME_COUNTS)).containsExactly(
                new Flag(Code.ERRORS, "1 % of requests failed (10 KO, kinds not reported)"));
    }

    @Test
    void clientAndServerCountsApartAreFlaggedWithBothCounts() {
        assertThat(flags(CLEAN_LOAD, QUIET, new Reconciliation(10_000, 10_250))).containsExactly(
                new Flag(Code.COUNT_MISMATCH, "client counted 10000 requests, server 10250 (2.4 % apart)"));
        assertThat(flags(CLEAN_LOAD, QUIET, new Reconciliation(9_900, 10_000))).isEmpty();
    }

    // --- server died, hung, stalled, fatal lines -------------------------------------------------

    @Test
    void aServerThatDiedOrHungIsFlaggedWithTheReason() {
        assertThat(FlagRules.evaluate(Evidence.notMeasured(true, null))).containsExactly(
                new Flag(Code.SERVER_DIED, "a server process exited during the point"));
        assertThat(FlagRules.evaluate(Evidence.notMeasured(false, "no response completed for 5 s (from second 3)")))
                .containsExactly(new Flag(Code.SERVER_HUNG, "no response completed for 5 s (from second 3)"));
        assertThat(FlagRules.evaluate(Evidence.notMeasured(false, " "))).isEmpty();
    }

    @Test
    void theOldVirtualThreadPointWithItsFourSecondStallsIsFlaggedStalledWithTheCount() {
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .stability(stability(RecordedSeries.rps("stalled"), 0)).build();

        assertThat(FlagRules.evaluate(e)).filteredOn(f -> f.code() == Code.STALLED).containsExactly(new Flag(Code.STALLED,
                "8 of 15 seconds had no completed request while requests were outstanding (longest 4 s)"));
    }

    @Test
    void aFatalLineInTheServerLogFlagsThePoint() {
        List<String> lines = FatalLines.in(List.of("INFO started",
                "java.lang.OutOfMemoryError: Cannot reserve 16364 bytes of direct buffer memory (allocated: 536862327, limit: 536870912)",
                "\tat java.base/java.nio.Bits.reserveMemory(Bits.java:178)",
                "Exception in thread \"XNIO-1 I/O-1\" java.lang.OutOfMemoryError: Direct buffer memory"));
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .fatalLogLines(lines).build();

        assertThat(lines).hasSize(2);
        assertThat(FlagRules.evaluate(e)).extracting(Flag::code).containsExactly(Code.FATAL_LOG);
        assertThat(FlagRules.evaluate(e).getFirst().reason()).startsWith(
                "the server logged a fatal error during the point: java.lang.OutOfMemoryError: Cannot reserve")
                .endsWith("(and 1 further line)");
    }

    // --- steadiness ---------------------------------------------------------------------------------

    @Test
    void aWarmUpThatReachedItsCapFlagsItsPointsNotSteadyWithTheRulesFigures() {
        WarmUp capped = WarmUp.builder().endpoint("/json").users(64).settled(false).seconds(240.4).requests(1_200_000)
                .sinceStartSeconds(243.0)
                .verdict("trend +9.0 % (≤ 5 %), CV 6.0 % (≤ 10 %), JIT 12 % of the time (≤ 2.0 %), over the last 20 s").build();
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS).warmUp(capped)
                .build();

        assertThat(FlagRules.evaluate(e)).containsExactly(new Flag(Code.NOT_STEADY,
                "the warm-up of /json reached its cap after 240 s without the server settling: "
                        + "trend +9.0 % (≤ 5 %), CV 6.0 % (≤ 10 %), JIT 12 % of the time (≤ 2.0 %), over the last 20 s"));
    }

    @Test
    void aWarmUpThatEndedWithoutTheJitItsServerReportsFlagsItsPointsJitUnknown() {
        WarmUp unread = WarmUp.builder().endpoint("/json").users(64).settled(true).seconds(45.2).requests(400_000)
                .sinceStartSeconds(50.0)
                .verdict("trend +1.0 % (≤ 5 %), CV 3.0 % (≤ 10 %), JIT unknown — its counters did not answer (timed out) (judged on throughput alone), over the last 20 s")
                .jitUnread("its counters did not answer (timed out)").build();
        WarmUp notReported = WarmUp.builder().endpoint("/json").users(64).settled(true).seconds(45.2).requests(400_000)
                .sinceStartSeconds(50.0)
                .verdict("trend +1.0 % (≤ 5 %), CV 3.0 % (≤ 10 %), JIT unknown (judged on throughput alone), over the last 20 s").build();

        assertThat(FlagRules.evaluate(Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .warmUp(unread).build()))
                .containsExactly(new Flag(Code.JIT_UNKNOWN, "the warm-up of /json ended after 45 s without the server's JIT time: "
                        + "its counters did not answer (timed out); it settled on throughput alone"));
        assertThat(FlagRules.evaluate(Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .warmUp(notReported).build()))
                .as("a jar that does not report its JIT is said so by its verdict, not flagged").isEmpty();
    }

    @Test
    void aPointStillRisingInsideItsWindowIsUnsteady() {
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .stability(stability(RecordedSeries.rps("rising"), 0)).build();

        assertThat(FlagRules.evaluate(e)).extracting(Flag::code).containsExactly(Code.UNSTEADY);
        assertThat(FlagRules.evaluate(e).getFirst().reason()).startsWith("throughput drifted +121 %");
    }

    @Test
    void aFlatPointWhoseServerStillCompiledIsUnsteady() {
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .stability(stability(RecordedSeries.rps("flat"), 3_000)).build();

        assertThat(FlagRules.evaluate(e)).containsExactly(new Flag(Code.UNSTEADY,
                "the JIT compiled for 3000 ms, 10 % of the window (≤ 2.0 %)"));
    }

    @Test
    void aFlatPointWithTheCompilersQuietIsSteady() {
        Evidence e = Evidence.builder().throughput(CLEAN_LOAD).resources(QUIET).counts(SAME_COUNTS)
                .stability(stability(RecordedSeries.rps("flat"), 120)).build();

        assertThat(FlagRules.evaluate(e)).isEmpty();
    }

    // --- injector late: open points, from recorded real points -----------------------------------

    /** A results.jsonl line of a real open point (test resources {@code trust/open-point-*.json}). */
    private static PointResult recorded(String name) {
        try (var in = FlagRulesTest.class.getResourceAsStream("/trust/" + name)) {
            return Json.MAPPER.readValue(in, PointResult.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the point's own measurement knew, on a quiet machine (its noise is another rule's). */
    private static Evidence openEvidence(PointResult p, OpenLoad open) {
        return Evidence.builder().throughput(p.throughput()).resources(QUIET).counts(p.counts()).serverDied(false)
                .fatalLogLines(List.of()).open(open).build();
    }

    @Test
    void anOpenPointWhoseInjectorKeptItsTimetableIsNotLate() {
        // reactive /io?ms=20 at half its probed capacity, 16 connections: 26 of 1,917 sends late (1.4 %)
        PointResult kept = recorded("open-point-kept.json");

        assertThat(kept.open().lateShare()).isStrictlyBetween(0.0, Defaults.INJECTOR_LATE_SHARE);
        assertThat(FlagRules.evaluate(openEvidence(kept, kept.open()))).isEmpty();
        assertThat(kept.flags()).extracting(Flag::code).doesNotContain(Code.INJECTOR_LATE);
    }

    @Test
    void anOpenPointWhoseInjectorWasStarvedIsLateWithTheNumbersThatSaySo() {
        // the same point with three busy loops on the injector's CPU for its window: 623 of 2,275 sends late
        PointResult starved = recorded("open-point-late.json");

        assertThat(FlagRules.evaluate(openEvidence(starved, starved.open()))).containsExactly(new Flag(Code.INJECTOR_LATE,
                "the injector sent 623 of 2,275 scheduled requests more than 2 ms after their due time with a connection free "
                        + "(27 %, > 2 %; the latest 10.8 ms late): the server did not get the timetable offered (379 rps)"));
        assertThat(starved.flags()).extracting(Flag::code).contains(Code.INJECTOR_LATE);
    }

    @Test
    void theLateShareIsHeldToItsThreshold() {
        PointResult kept = recorded("open-point-kept.json");
        FlagRules.Thresholds strict = FlagRules.Thresholds.defaults().toBuilder().injectorLateShare(0.01).build();

        assertThat(FlagRules.evaluate(openEvidence(kept, kept.open()), strict)).extracting(Flag::code)
                .containsExactly(Code.INJECTOR_LATE);
    }

    @Test
    void requestsThatWaitedForABusyConnectionAreTheServersAndNeverMakeTheInjectorLate() {
        PointResult kept = recorded("open-point-kept.json");
        OpenLoad o = kept.open();
        OpenLoad allQueued = OpenLoad.builder().offeredRps(o.offeredRps()).capacityRps(o.capacityRps())
                .connections(o.connections()).connectionsUsed(o.connectionsUsed())
                .scheduledRequests(o.scheduledRequests()).lateRequests(0).maxLateMicros(0)
                .queuedRequests(o.scheduledRequests()).lateThresholdMicros(o.lateThresholdMicros())
                .intendedLatency(o.intendedLatency()).intendedHistogram(o.intendedHistogram()).probe(o.probe())
                .build();

        assertThat(FlagRules.evaluate(openEvidence(kept, allQueued))).isEmpty();
        assertThat(FlagRules.evaluate(openEvidence(kept, null))).as("a closed point").isEmpty();
    }

    // --- neighbours and steal, per CPU set ------------------------------------------------------

    @Test
    void otherProcessesAreJudgedOnEachCpuSetApart() {
        assertThat(flags(CLEAN_LOAD, pinned(0.12, 0.3, 0.0, 0, 0), SAME_COUNTS)).containsExactly(new Flag(Code.NOISY_NEIGHBOUR,
                "other processes used 0.12 cores on average (peak 0.30) on the server's CPUs"));
        assertThat(flags(CLEAN_LOAD, pinned(0.01, 0.02, 0.6, 0, 0), SAME_COUNTS)).containsExactly(new Flag(Code.NOISY_NEIGHBOUR,
                "other processes used 0.60 cores on average (peak 0.60) on the injector's CPUs"));
        assertThat(flags(CLEAN_LOAD, pinned(0.09, 0.49, 0.09, 0, 0), SAME_COUNTS)).isEmpty();
    }

    @Test
    void unpinnedRunsAreJudgedOnTheWholeMachine() {
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.31, 0.8), SAME_COUNTS)).containsExactly(
                new Flag(Code.NOISY_NEIGHBOUR, "other processes used 0.31 cores on average (peak 0.80) on the machine"));
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.02, 0.50), SAME_COUNTS)).extracting(Flag::code)
                .containsExactly(Code.NOISY_NEIGHBOUR);
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.0999, 0.4999), SAME_COUNTS)).isEmpty();
    }

    @Test
    void stealIsItsOwnFlagNotANeighbour() {
        assertThat(flags(CLEAN_LOAD, pinned(0, 0, 0, 0.08, 0.01), SAME_COUNTS)).containsExactly(new Flag(Code.CPU_STEAL,
                "the hypervisor took 0.08 cores of the server's CPUs on average (≥ 0.05)"));
        assertThat(flags(CLEAN_LOAD, pinned(0, 0, 0, 0.049, 0.01), SAME_COUNTS)).isEmpty();
    }

    // --- together ---------------------------------------------------------------------------------

    @Test
    void everyRuleThatAppliesIsReportedInTheOrderOfTheCodes() {
        Evidence e = Evidence.builder().throughput(throughput(1_000, Map.of("timeout", 50L)))
                .resources(pinned(0.4, 0.9, 0, 0.2, 0)).counts(new Reconciliation(1_000, 1_500)).serverDied(true)
                .hungReason("deadline passed").stability(stability(RecordedSeries.rps("stalled"), 0))
                .warmUp(WarmUp.builder().endpoint("/json").users(64).seconds(240).requests(1).sinceStartSeconds(240)
                .verdict("x").build()).fatalLogLines(List.of("java.lang.OutOfMemoryError")).injectorCeilingRps(20.0)
                .build();

        assertThat(FlagRules.evaluate(e)).extracting(Flag::code).containsExactly(Code.INJECTOR_BOUND, Code.ERRORS,
                Code.COUNT_MISMATCH, Code.SERVER_DIED, Code.SERVER_HUNG, Code.STALLED, Code.FATAL_LOG, Code.NOT_STEADY,
                Code.UNSTEADY, Code.NOISY_NEIGHBOUR, Code.CPU_STEAL);
    }

    @Test
    void percentagesKeepTwoSignificantDigits() {
        assertThat(FlagRules.percent(0.0025)).isEqualTo("0.25");
        assertThat(FlagRules.percent(250.0 / 10_250)).isEqualTo("2.4");
        assertThat(FlagRules.percent(0.9)).isEqualTo("90");
        assertThat(FlagRules.percent(1.0)).isEqualTo("100");
    }
}
