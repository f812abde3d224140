package org.jvmbench.harness.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.protocol.Histograms;

/**
 * A paired arm's slices made into its point: counts added, latency histograms merged exactly
 * (never percentiles averaged), resources weighted by each slice's window, flags kept once.
 * A slice's own drift is not flagged ({@code UNSTEADY} by trend): it lasts seconds, and the
 * drift between slices is what the rounds put on both sides of a comparison. The JIT is judged
 * over all slices together.
 */
final class PairedMerge {

    private PairedMerge() {
    }

    /**
     * One slice as the point keeps it.
     *
     * @param serverCores CPU the loaded arm used over the slice, in cores
     * @param parkedCores CPU every other arm used meanwhile, in cores
     * @param serverCpus  how many CPUs the servers may use: the parked share is taken of them
     */
    static Slice slice(PointResult result, int round, int order, double serverCores, double parkedCores, int serverCpus) {
        List<Flag> flags = new ArrayList<>(result.flags().stream().filter(f -> f.code() != Flag.Code.UNSTEADY).toList());
        if (parkedCores > Defaults.PAIRED_PARKED_CPU_SHARE * serverCpus) {
            flags.add(new Flag(Flag.Code.PARKED_BUSY, String.format(java.util.Locale.ROOT,
                    "the servers waiting their turn used %.2f cores of the server's %d CPU%s during round %d",
                    parkedCores, serverCpus, serverCpus == 1 ? "" : "s", round)));
        }
        Throughput t = result.throughput();
        Stability s = result.stability();
        return Slice.builder().round(round).order(order).startEpochMs(result.start().toEpochMilli())
                .endEpochMs(result.end().toEpochMilli()).requests(t.requests()).ko(t.ko())
                .windowSeconds(t.windowSeconds()).rps(t.rps())
                .p99Micros(result.latency() == null ? null : result.latency().p99Micros())
                .histogram(result.histogram()).serverCpuCores(serverCores).parkedCpuCores(parkedCores)
                .jitMs(s == null ? -1 : s.jitMs()).gcMs(s == null ? -1 : s.gcMs()).flags(flags).build();
    }

    /** The arm's point: its slices merged, each slice kept. */
    static PointResult point(LoadPoint point, List<PointResult> results, List<Slice> slices) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException(point.id() + " has no slice");
        }
        PointResult first = results.getFirst();
        PointResult last = results.getLast();
        long requests = 0, ok = 0, ko = 0;
        double window = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        List<String> histograms = new ArrayList<>();
        for (PointResult r : results) {
            requests += r.throughput().requests();
            ok += r.throughput().ok();
            ko += r.throughput().ko();
            window += r.throughput().windowSeconds();
            r.throughput().errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            if (r.histogram() != null) {
                histograms.add(r.histogram());
            }
        }
        Histogram merged = merge(histograms);
        String histogram = merged == null ? null : Histograms.encode(merged);
        LatencySummary latency = merged == null ? null : Latencies.summarize(merged);
        Set<String> seen = new LinkedHashSet<>();
        List<Flag> flags = new ArrayList<>();
        for (Slice slice : slices) {
            for (Flag f : slice.flags()) {
                if (seen.add(f.code().name())) {
                    flags.add(f);
                }
            }
        }
        long jitMs = slices.stream().allMatch(s -> s.jitMs() >= 0) ? slices.stream().mapToLong(Slice::jitMs).sum() : -1;
        long gcMs = slices.stream().allMatch(s -> s.gcMs() >= 0) ? slices.stream().mapToLong(Slice::gcMs).sum() : -1;
        if (jitMs >= 0 && window > 0 && jitMs / (window * 1000) > Defaults.POINT_JIT_SHARE && seen.add(Flag.Code.UNSTEADY.name())) {
            flags.add(new Flag(Flag.Code.UNSTEADY, String.format(java.util.Locale.ROOT,
                    "the JIT compiled for %.1f %% of the slices' time", 100.0 * jitMs / (window * 1000))));
        }
        double[] rps = slices.stream().mapToDouble(Slice::rps).toArray();
        Stability stability = first.stability() == null ? null : new Stability(
                results.stream().mapToInt(r -> r.stability() == null ? 0 : r.stability().fullSeconds()).sum(),
                cv(rps), trend(rps), jitMs, gcMs,
                results.stream().mapToLong(r -> r.stability() == null ? 0 : r.stability().gcCount()).sum(),
                results.stream().mapToInt(r -> r.stability() == null ? 0 : r.stability().stalledSeconds()).sum(),
                results.stream().mapToInt(r -> r.stability() == null ? 0 : r.stability().longestStallSeconds()).max().orElse(0));
        // client and server counted each slice apart: their sums reconcile the point, and one slice the server
        // could not count leaves the point without (saying why, as a sequential point does)
        boolean counted = results.stream().allMatch(r -> r.counts() != null);
        Reconciliation counts = !counted ? null : new Reconciliation(
                results.stream().mapToLong(r -> r.counts().clientRequests()).sum(),
                results.stream().mapToLong(r -> r.counts().serverRequests()).sum());
        List<String> notes = counted ? null : results.stream().filter(r -> r.notes() != null).flatMap(r -> r.notes().stream())
                .distinct().toList();
        return PointResult.builder(point.id(), point.key(), point.repetition())
                .window(first.start(), last.end())
                .throughput(Throughput.of(requests, ok, ko, errors, window))
                .latency(latency)
                .resources(resources(results))
                .counts(counts)
                .flags(flags)
                .histogram(histogram)
                .files(last.files())
                .stability(stability)
                .warmUp(first.warmUp())
                .startup(first.startup())
                .footprint(last.footprint())
                .calibrationOpsPerSecond(first.calibrationOpsPerSecond())
                .injectorCeilingRps(first.injectorCeilingRps())
                .notes(notes == null || notes.isEmpty() ? null : notes)
                .slices(slices)
                .build();
    }

    /**
     * The slices' spread: their RPS's standard deviation over its mean. Paired, this is the
     * machine's slice-to-slice noise that the round-by-round ratio cancels, not a fault of the point.
     */
    static double cv(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = java.util.Arrays.stream(values).average().orElse(0);
        double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return mean > 0 ? Math.sqrt(ss / (values.length - 1)) / mean : 0;
    }

    /** The last third of the rounds against the first: how the machine and the arm moved over the rounds. */
    static double trend(double[] byRound) {
        int third = byRound.length / 3;
        if (third == 0) {
            return 0;
        }
        double first = java.util.Arrays.stream(byRound, 0, third).average().orElse(0);
        double last = java.util.Arrays.stream(byRound, byRound.length - third, byRound.length).average().orElse(0);
        return first > 0 ? last / first - 1 : 0;
    }

    private static Histogram merge(List<String> encoded) {
        Histogram merged = null;
        for (String base64 : encoded) {
            Histogram h = Histograms.decode(base64);
            if (merged == null) {
                merged = new Histogram(h.getNumberOfSignificantValueDigits());
                merged.setAutoResize(true);
            }
            merged.add(h);
        }
        return merged;
    }

    /** Means weighted by each slice's window, peaks the highest, threads as the last slice ended. */
    static ResourceUsage resources(List<PointResult> results) {
        List<PointResult> with = results.stream().filter(r -> r.resources() != null && r.throughput() != null).toList();
        if (with.isEmpty()) {
            return null;
        }
        double total = with.stream().mapToDouble(r -> r.throughput().windowSeconds()).sum();
        java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<ResourceUsage>> mean = f -> total <= 0
                ? f.applyAsDouble(with.getLast().resources())
                : with.stream().mapToDouble(r -> f.applyAsDouble(r.resources()) * r.throughput().windowSeconds()).sum() / total;
        java.util.function.Function<java.util.function.Function<ResourceUsage, Double>, Double> optionalMean = f ->
                with.stream().allMatch(r -> f.apply(r.resources()) != null) ? mean.applyAsDouble(u -> f.apply(u)) : null;
        java.util.function.Function<java.util.function.Function<ResourceUsage, Double>, Double> optionalPeak = f ->
                with.stream().allMatch(r -> f.apply(r.resources()) != null)
                        ? with.stream().mapToDouble(r -> f.apply(r.resources())).max().orElse(0) : null;
        ResourceUsage last = with.getLast().resources();
        boolean pss = with.stream().allMatch(r -> r.resources().serverPssBytes() != null);
        return ResourceUsage.builder().serverCpuCores(mean.applyAsDouble(ResourceUsage::serverCpuCores))
                .serverCpuCoresPeak(with.stream().mapToDouble(r -> r.resources().serverCpuCoresPeak()).max().orElse(0))
                .serverRssBytes(Math.round(mean.applyAsDouble(u -> u.serverRssBytes())))
                .serverRssBytesPeak(with.stream().mapToLong(r -> r.resources().serverRssBytesPeak()).max().orElse(0))
                .serverPssBytes(pss ? Long.valueOf(Math.round(mean.applyAsDouble(u -> u.serverPssBytes()))) : null)
                .serverThreads(last.serverThreads())
                .injectorCpuCores(mean.applyAsDouble(ResourceUsage::injectorCpuCores))
                .injectorCpus(last.injectorCpus()).otherCpuCores(mean.applyAsDouble(ResourceUsage::otherCpuCores))
                .otherCpuCoresPeak(with.stream().mapToDouble(r -> r.resources().otherCpuCoresPeak()).max().orElse(0))
                .serverCpusOther(optionalMean.apply(ResourceUsage::serverCpusOther))
                .serverCpusOtherPeak(optionalPeak.apply(ResourceUsage::serverCpusOtherPeak))
                .injectorCpusOther(optionalMean.apply(ResourceUsage::injectorCpusOther))
                .injectorCpusOtherPeak(optionalPeak.apply(ResourceUsage::injectorCpusOtherPeak))
                .serverCpusSteal(optionalMean.apply(ResourceUsage::serverCpusSteal))
                .injectorCpusSteal(optionalMean.apply(ResourceUsage::injectorCpusSteal)).build();
    }

    /** The slices' per-round throughput, for tests and the report: index k is round k + 1. */
    static List<Double> rpsByRound(List<Slice> slices) {
        return slices.stream().sorted(java.util.Comparator.comparingInt(Slice::round)).map(Slice::rps).toList();
    }
}
