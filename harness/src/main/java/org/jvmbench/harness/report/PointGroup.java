package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Throughput;

/**
 * The repetitions of one point (same {@link PointKey}, different repetitions) and what they add up
 * to. Whole-repetition figures are a {@link Spread} over them; latency is {@link LatencyFigures}.
 */
record PointGroup(PointKey key, List<PointResult> repetitions) {

    static final double GIB = 1024.0 * 1024 * 1024;

    /** Table order: servlet before reactive, platform before virtual, then by size and load. */
    static final Comparator<PointKey> ORDER = Comparator
            .comparingInt((PointKey k) -> appRank(k.configuration().app()))
            .thenComparing(k -> k.configuration().app())
            .thenComparing(k -> k.configuration().virtualThreads())
            .thenComparingInt(k -> k.configuration().processes())
            .thenComparing(k -> k.configuration().workers(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(k -> k.configuration().threads(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(k -> k.level().connections());

    /** Groups results by key, in the order each key first completed; each group in the order of its repetitions. */
    static List<PointGroup> of(List<PointResult> results) {
        Map<PointKey, List<PointResult>> byKey = new LinkedHashMap<>();
        for (PointResult r : results) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        List<PointGroup> groups = new ArrayList<>();
        byKey.forEach((key, repetitions) -> {
            repetitions.sort(Comparator.comparingInt(PointResult::repetition));
            groups.add(new PointGroup(key, List.copyOf(repetitions)));
        });
        return groups;
    }

    Spread rps() {
        return spreadOf(r -> r.throughput() == null ? null : r.throughput().rps());
    }

    Spread serverCpuCores() {
        return spreadOf(r -> r.resources() == null ? null : r.resources().serverCpuCores());
    }

    /** Proportional set size summed over the JVMs: shared pages counted once, unlike RSS. */
    Spread serverPssBytes() {
        return spreadOf(r -> r.resources() == null || r.resources().serverPssBytes() == null ? null
                : (double) r.resources().serverPssBytes());
    }

    Spread serverRssBytes() {
        return spreadOf(r -> r.resources() == null ? null : (double) r.resources().serverRssBytes());
    }

    /** Per-run p99, for telling a difference from run-to-run spread; the table's p99 is {@link #latency()}. */
    Spread p99Micros() {
        return spreadOf(r -> r.latency() == null ? null : (double) r.latency().p99Micros());
    }

    /** Requests per second per core the server used, repetition by repetition. */
    Spread rpsPerCore() {
        return spreadOf(r -> {
            ResourceUsage u = r.resources();
            Throughput t = r.throughput();
            return u == null || t == null || u.serverCpuCores() <= 0 ? null : t.rps() / u.serverCpuCores();
        });
    }

    /** Requests per second per GiB of server RSS, repetition by repetition. */
    Spread rpsPerGib() {
        return spreadOf(r -> {
            ResourceUsage u = r.resources();
            Throughput t = r.throughput();
            return u == null || t == null || u.serverRssBytes() <= 0 ? null : t.rps() / (u.serverRssBytes() / GIB);
        });
    }

    LatencyFigures latency() {
        return LatencyFigures.of(repetitions);
    }

    /**
     * Coefficient of variation of RPS across the measured repetitions: sample standard deviation / mean.
     * Null below two, where the noise from one repetition to the next is not known.
     */
    Double repeatCv() {
        return coefficientOfVariation(values(r -> r.throughput() == null ? null : r.throughput().rps()));
    }

    static Double coefficientOfVariation(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean == 0) {
            return null;
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1)) / mean;
    }

    /** A figure of each measured repetition that has it, in repetition order: what a statistical test compares. */
    List<Double> values(Function<PointResult, Double> value) {
        List<Double> values = new ArrayList<>();
        for (PointResult r : measuredRepetitions()) {
            Double v = value.apply(r);
            if (v != null && !v.isNaN()) {
                values.add(v);
            }
        }
        return values;
    }

    /** What the same injector reached against a minimal server at this load, median of the repetitions; null when not measured. */
    Double injectorCeilingRps() {
        Spread s = Spread.of(repetitions.stream().map(PointResult::injectorCeilingRps).toList());
        return s == null ? null : s.median();
    }

    /** Whether a profiler was attached during any repetition: its numbers carry the profiler's cost. */
    boolean profiled() {
        return repetitions.stream().anyMatch(PointGroup::profiled);
    }

    static boolean profiled(PointResult r) {
        return r.flags() != null && r.flags().stream().anyMatch(f -> f.code() == Flag.Code.PROFILED)
                || !FlameGraphs.of(r).isEmpty();
    }

    /** Every repetition's flame graphs, repetition by repetition. */
    List<FlameGraphs.Link> flameGraphs() {
        List<FlameGraphs.Link> links = new ArrayList<>();
        for (PointResult r : repetitions) {
            for (FlameGraphs.Link link : FlameGraphs.of(r)) {
                links.add(repetitions.size() > 1 ? link.ofRepetition(r.repetition()) : link);
            }
        }
        return links;
    }

    /** KO / requests over all repetitions together. */
    double errorRatio() {
        long requests = 0;
        long ko = 0;
        for (PointResult r : repetitions) {
            if (r.throughput() != null) {
                requests += r.throughput().requests();
                ko += r.throughput().ko();
            }
        }
        return requests == 0 ? 0 : (double) ko / requests;
    }

    /** Every flag of every run, with the run it belongs to. */
    List<RepetitionFlag> flags() {
        List<RepetitionFlag> flags = new ArrayList<>();
        for (PointResult r : repetitions) {
            if (r.flags() != null) {
                for (Flag f : r.flags()) {
                    flags.add(new RepetitionFlag(r.repetition(), f.code().name(), f.reason()));
                }
            }
        }
        return flags;
    }

    boolean flagged() {
        return !flags().isEmpty();
    }

    /** Flagged for a reason other than the profiler: its figures are not judged as if clean. */
    boolean untrusted() {
        return flags().stream().anyMatch(f -> !f.code().equals(Flag.Code.PROFILED.name()));
    }

    /** Over the repetitions that were measured: a point cut short before its window enters no median or spread. */
    private Spread spreadOf(Function<PointResult, Double> value) {
        List<Double> values = new ArrayList<>();
        for (PointResult r : measuredRepetitions()) {
            values.add(value.apply(r));
        }
        return Spread.of(values);
    }

    /** The repetitions that have a measured window. */
    List<PointResult> measuredRepetitions() {
        return repetitions.stream().filter(PointResult::measured).toList();
    }

    private static int appRank(String app) {
        return switch (app) {
            case "servlet" -> 0;
            case "reactive" -> 1;
            default -> 2;
        };
    }

    static Double rpsValue(PointResult r) {
        return r.throughput() == null ? null : r.throughput().rps();
    }

    static Double p99Value(PointResult r) {
        return r.latency() == null ? null : (double) r.latency().p99Micros();
    }

    static Double cpuValue(PointResult r) {
        return r.resources() == null ? null : r.resources().serverCpuCores();
    }

    static Double rssValue(PointResult r) {
        return r.resources() == null ? null : (double) r.resources().serverRssBytes();
    }

    /** A flag as a table shows it: which repetition raised it. */
    record RepetitionFlag(int repetition, String code, String reason) {
    }
}
