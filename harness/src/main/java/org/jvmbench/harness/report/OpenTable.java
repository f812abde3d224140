package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.plan.Slo;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.stats.CapacityAtSlo;
import org.jvmbench.harness.stats.RepeatSummary;

/**
 * The open-load points of one endpoint (requests due on a schedule, issue 9): latency against
 * offered rate, measured from each request's intended send time and from its actual send
 * (service time) side by side; the closed-load figures of the same configuration beside them,
 * so the gap coordinated omission hides is shown; and the capacity at the sweep's SLO.
 *
 * @param slo         the target, e.g. {@code p99 ≤ 50 ms}, or null when the sweep set none
 * @param percentile  the SLO's percentile, e.g. 99.0, or null
 * @param rows        one per configuration and rate, configurations in table order, rates rising
 * @param closedVsOpen one per configuration: its closed figure against its open one near the same rate
 * @param capacity    one per configuration, best first; empty without an SLO
 */
record OpenTable(
        String endpoint,
        String slo,
        Double percentile,
        List<OpenRow> rows,
        List<EndpointTable.Footnote> footnotes,
        List<ClosedVsOpen> closedVsOpen,
        List<CapacityRow> capacity) {

    /**
     * One configuration at one offered rate, over its repetitions.
     *
     * @param rateFraction    the share of the configuration's capacity asked for, or null for an absolute rate
     * @param offeredRps      requests due per second
     * @param capacityRps     the closed probe the share was taken of, or null
     * @param keptRps         answered requests per second
     * @param service         latency from the actual send (service time)
     * @param intended        latency from the intended send time (schedule)
     * @param serviceRanges   the repetitions' own percentiles from the actual send, for the charts' error bars; null with one repetition
     * @param intendedRanges  the repetitions' own percentiles from the intended send time, for the charts' error bars; null with one repetition
     * @param sloMicros       the SLO's percentile of the intended latency, or null
     * @param lateShare       requests the injector itself sent late / requests due, over the repetitions
     * @param queuedRequests  requests that waited for a free connection, over the repetitions
     */
    record OpenRow(String id, String label, String config, String app, String mode, String load, int connections,
                   int repetitions, List<String> repetitionIds, Double rateFraction, Spread offeredRps, Double capacityRps,
                   Spread keptRps, LatencyFigures service, LatencyFigures intended, PercentileRanges serviceRanges, PercentileRanges intendedRanges, Long sloMicros, double lateShare,
                   long maxLateMicros, long queuedRequests, double errorRatio, Spread cpuCores, Spread pssBytes,
                   StabilityFigures stability, boolean profiled, List<FlameGraphs.Link> flameGraphs,
                   List<PointGroup.RepetitionFlag> flags, Integer footnote) {

        boolean flagged() {
            return !flags.isEmpty();
        }

        double offered() {
            return offeredRps == null ? 0 : offeredRps.median();
        }

        /** {@code OpenRow} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code OpenRow} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String id;
            private String label;
            private String config;
            private String app;
            private String mode;
            private String load;
            private int connections;
            private int repetitions;
            private List<String> repetitionIds;
            private Double rateFraction;
            private Spread offeredRps;
            private Double capacityRps;
            private Spread keptRps;
            private LatencyFigures service;
            private LatencyFigures intended;
            private PercentileRanges serviceRanges;
            private PercentileRanges intendedRanges;
            private Long sloMicros;
            private double lateShare;
            private long maxLateMicros;
            private long queuedRequests;
            private double errorRatio;
            private Spread cpuCores;
            private Spread pssBytes;
            private StabilityFigures stability;
            private boolean profiled;
            private List<FlameGraphs.Link> flameGraphs;
            private List<PointGroup.RepetitionFlag> flags;
            private Integer footnote;

            private Builder() {
            }

            Builder id(String value) {
                id = value;
                return this;
            }

            Builder label(String value) {
                label = value;
                return this;
            }

            Builder config(String value) {
                config = value;
                return this;
            }

            Builder app(String value) {
                app = value;
                return this;
            }

            Builder mode(String value) {
                mode = value;
                return this;
            }

            Builder load(String value) {
                load = value;
                return this;
            }

            Builder connections(int value) {
                connections = value;
                return this;
            }

            Builder repetitions(int value) {
                repetitions = value;
                return this;
            }

            Builder repetitionIds(List<String> value) {
                repetitionIds = value;
                return this;
            }

            Builder rateFraction(Double value) {
                rateFraction = value;
                return this;
            }

            Builder offeredRps(Spread value) {
                offeredRps = value;
                return this;
            }

            Builder capacityRps(Double value) {
                capacityRps = value;
                return this;
            }

            Builder keptRps(Spread value) {
                keptRps = value;
                return this;
            }

            Builder service(LatencyFigures value) {
                service = value;
                return this;
            }

            Builder intended(LatencyFigures value) {
                intended = value;
                return this;
            }

            Builder serviceRanges(PercentileRanges value) {
                serviceRanges = value;
                return this;
            }

            Builder intendedRanges(PercentileRanges value) {
                intendedRanges = value;
                return this;
            }

            Builder sloMicros(Long value) {
                sloMicros = value;
                return this;
            }

            Builder lateShare(double value) {
                lateShare = value;
                return this;
            }

            Builder maxLateMicros(long value) {
                maxLateMicros = value;
                return this;
            }

            Builder queuedRequests(long value) {
                queuedRequests = value;
                return this;
            }

            Builder errorRatio(double value) {
                errorRatio = value;
                return this;
            }

            Builder cpuCores(Spread value) {
                cpuCores = value;
                return this;
            }

            Builder pssBytes(Spread value) {
                pssBytes = value;
                return this;
            }

            Builder stability(StabilityFigures value) {
                stability = value;
                return this;
            }

            Builder profiled(boolean value) {
                profiled = value;
                return this;
            }

            Builder flameGraphs(List<FlameGraphs.Link> value) {
                flameGraphs = value;
                return this;
            }

            Builder flags(List<PointGroup.RepetitionFlag> value) {
                flags = value;
                return this;
            }

            Builder footnote(Integer value) {
                footnote = value;
                return this;
            }

            OpenRow build() {
                return new OpenRow(id, label, config, app, mode, load, connections, repetitions, repetitionIds, rateFraction,
                        offeredRps, capacityRps, keptRps, service, intended, serviceRanges, intendedRanges, sloMicros,
                        lateShare, maxLateMicros, queuedRequests, errorRatio, cpuCores, pssBytes, stability, profiled,
                        flameGraphs, flags, footnote);
            }
        }
    }

    /**
     * A configuration's closed-load figure beside its open one at the rate nearest to it: the
     * closed loop's p99 (each user waits for its answer, so a stall delays the next request and
     * barely reaches the percentiles) against the open point's p99 from intended send time.
     *
     * @param closedId       the closed point with the highest median RPS of this configuration, or null
     * @param closedRps      its RPS; without a closed point, the median of the capacity probes (one per fork)
     * @param closedP99Micros its p99; without a closed point, the probes' p99 from their merged histograms
     * @param openId         the open point whose offered rate is nearest to {@code closedRps}
     */
    record ClosedVsOpen(String config, String closedId, String closedLoad, Double closedRps, Long closedP99Micros,
                        String openId, String openLoad, double offeredRps, Double keptRps, Long serviceP99Micros,
                        Long intendedP99Micros) {

        /** {@code ClosedVsOpen} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code ClosedVsOpen} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String config;
            private String closedId;
            private String closedLoad;
            private Double closedRps;
            private Long closedP99Micros;
            private String openId;
            private String openLoad;
            private double offeredRps;
            private Double keptRps;
            private Long serviceP99Micros;
            private Long intendedP99Micros;

            private Builder() {
            }

            Builder config(String value) {
                config = value;
                return this;
            }

            Builder closedId(String value) {
                closedId = value;
                return this;
            }

            Builder closedLoad(String value) {
                closedLoad = value;
                return this;
            }

            Builder closedRps(Double value) {
                closedRps = value;
                return this;
            }

            Builder closedP99Micros(Long value) {
                closedP99Micros = value;
                return this;
            }

            Builder openId(String value) {
                openId = value;
                return this;
            }

            Builder openLoad(String value) {
                openLoad = value;
                return this;
            }

            Builder offeredRps(double value) {
                offeredRps = value;
                return this;
            }

            Builder keptRps(Double value) {
                keptRps = value;
                return this;
            }

            Builder serviceP99Micros(Long value) {
                serviceP99Micros = value;
                return this;
            }

            Builder intendedP99Micros(Long value) {
                intendedP99Micros = value;
                return this;
            }

            ClosedVsOpen build() {
                return new ClosedVsOpen(config, closedId, closedLoad, closedRps, closedP99Micros, openId, openLoad,
                        offeredRps, keptRps, serviceP99Micros, intendedP99Micros);
            }
        }
    }

    /**
     * @param capacityRps      the highest offered rate within the SLO, null when never met
     * @param percentileMicros the SLO's percentile at that rate
     * @param ofBest           capacityRps / the best configuration's
     * @param flagged          the point at that rate carries a flag
     */
    record CapacityRow(String config, String outcome, String id, Double capacityRps, Long percentileMicros,
                       Double keptRps, Spread cpuCores, Spread pssBytes, Double ofBest, boolean flagged,
                       String brokenAt) {

        /** {@code CapacityRow} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code CapacityRow} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String config;
            private String outcome;
            private String id;
            private Double capacityRps;
            private Long percentileMicros;
            private Double keptRps;
            private Spread cpuCores;
            private Spread pssBytes;
            private Double ofBest;
            private boolean flagged;
            private String brokenAt;

            private Builder() {
            }

            Builder config(String value) {
                config = value;
                return this;
            }

            Builder outcome(String value) {
                outcome = value;
                return this;
            }

            Builder id(String value) {
                id = value;
                return this;
            }

            Builder capacityRps(Double value) {
                capacityRps = value;
                return this;
            }

            Builder percentileMicros(Long value) {
                percentileMicros = value;
                return this;
            }

            Builder keptRps(Double value) {
                keptRps = value;
                return this;
            }

            Builder cpuCores(Spread value) {
                cpuCores = value;
                return this;
            }

            Builder pssBytes(Spread value) {
                pssBytes = value;
                return this;
            }

            Builder ofBest(Double value) {
                ofBest = value;
                return this;
            }

            Builder flagged(boolean value) {
                flagged = value;
                return this;
            }

            Builder brokenAt(String value) {
                brokenAt = value;
                return this;
            }

            CapacityRow build() {
                return new CapacityRow(config, outcome, id, capacityRps, percentileMicros, keptRps, cpuCores, pssBytes,
                        ofBest, flagged, brokenAt);
            }
        }
    }

    /** One table per endpoint that has open points; notes numbered from {@code firstNote}. */
    static List<OpenTable> of(List<PointGroup> groups, int firstNote, Slo slo) {
        Map<String, List<PointGroup>> open = new LinkedHashMap<>();
        Map<String, List<PointGroup>> closed = new LinkedHashMap<>();
        for (PointGroup g : groups) {
            (g.key().open() ? open : closed).computeIfAbsent(g.key().endpoint(), e -> new ArrayList<>()).add(g);
        }
        List<OpenTable> tables = new ArrayList<>();
        int nextNote = firstNote;
        for (Map.Entry<String, List<PointGroup>> e : open.entrySet()) {
            List<PointGroup> sorted = new ArrayList<>(e.getValue());
            // a share of capacity orders by itself: a hung repetition offered nothing
            sorted.sort(Comparator.comparing(PointGroup::key, PointGroup.ORDER)
                    .thenComparingDouble(g -> g.key().level().share() != null ? g.key().level().share() : offered(g.repetitions())));
            List<OpenRow> rows = new ArrayList<>();
            List<EndpointTable.Footnote> notes = new ArrayList<>();
            for (PointGroup g : sorted) {
                Integer note = g.flagged() ? nextNote++ : null;
                OpenRow row = row(g, slo, note);
                rows.add(row);
                if (note != null) {
                    notes.add(EndpointTable.Footnote.of(note, row.id(), row.label(), row.repetitions(), row.flags()));
                }
            }
            List<PointGroup> closedHere = closed.getOrDefault(e.getKey(), List.of());
            tables.add(new OpenTable(e.getKey(), slo == null ? null : slo.describe(), slo == null ? null : slo.percentile(),
                    rows, notes, closedVsOpen(rows, sorted, closedHere), slo == null ? List.of() : capacity(e.getValue(), rows, slo)));
        }
        return tables;
    }

    private static OpenRow row(PointGroup g, Slo slo, Integer note) {
        PointKey k = g.key();
        List<PointResult> measured = g.measuredRepetitions();
        long late = 0;
        long scheduled = 0;
        long maxLate = 0;
        long queued = 0;
        Double capacity = null;
        for (PointResult r : measured) {
            OpenLoad o = r.open();
            if (o != null) {
                late += o.lateRequests();
                scheduled += o.scheduledRequests();
                maxLate = Math.max(maxLate, o.maxLateMicros());
                queued += o.queuedRequests();
                if (capacity == null) {
                    capacity = o.capacityRps();
                }
            }
        }
        // a repetition the server hung before has no open figures; a share of capacity then has no rate either
        Spread offered = Spread.of(g.repetitions().stream().map(r -> r.open() != null ? (Double) r.open().offeredRps()
                : k.level().rate()).toList());
        Long sloMicros = slo == null ? null : LatencyFigures.percentile(measured, LatencyFigures.Source.INTENDED, slo.percentile());
        return OpenRow.builder().id(k.id()).label(k.label()).config(k.configuration().label())
                .app(k.configuration().app()).mode(k.mode()).load(k.level().label()).connections(k.level().connections())
                .repetitions(g.repetitions().size()).repetitionIds(g.repetitions().stream().map(PointResult::id).toList())
                .rateFraction(k.level().share()).offeredRps(offered).capacityRps(capacity).keptRps(g.rps())
                .service(LatencyFigures.of(measured, LatencyFigures.Source.SENT))
                .intended(LatencyFigures.of(measured, LatencyFigures.Source.INTENDED))
                .serviceRanges(PercentileRanges.of(measured, LatencyFigures.Source.SENT))
                .intendedRanges(PercentileRanges.of(measured, LatencyFigures.Source.INTENDED)).sloMicros(sloMicros)
                .lateShare(scheduled == 0 ? 0 : (double) late / scheduled).maxLateMicros(maxLate).queuedRequests(queued)
                .errorRatio(g.errorRatio()).cpuCores(g.serverCpuCores()).pssBytes(g.serverPssBytes())
                .stability(StabilityFigures.of(g.repetitions())).profiled(g.profiled()).flameGraphs(g.flameGraphs())
                .flags(g.flags()).footnote(note)
                .build();
    }

    /** The configuration's capacity probes, one per fork (each open point of a fork carries the same one). */
    private static List<CapacityProbe> probes(List<PointGroup> openGroups, String config) {
        Map<Integer, CapacityProbe> byFork = new TreeMap<>();
        for (PointGroup g : openGroups) {
            if (g.key().configuration().label().equals(config)) {
                for (PointResult r : g.measuredRepetitions()) {
                    if (r.open() != null && r.open().probe() != null) {
                        byFork.putIfAbsent(r.repetition(), r.open().probe());
                    }
                }
            }
        }
        return List.copyOf(byFork.values());
    }

    /** The probes' p99 from their merged histograms, never an average of their p99s; null when one is missing. */
    private static Long probeP99(List<CapacityProbe> probes) {
        Histogram merged = probes.isEmpty() ? null : LatencyFigures.mergeEncoded(probes.stream().map(CapacityProbe::histogram).toList());
        return merged == null ? null : merged.getValueAtPercentile(99);
    }

    private static double offered(List<PointResult> repetitions) {
        Spread s = Spread.of(repetitions.stream().map(r -> r.open() == null ? r.key().level().rate() : (Double) r.open().offeredRps()).toList());
        return s == null ? 0 : s.median();
    }

    /**
     * Per configuration, its best closed point, or else its capacity probes (one per fork: the
     * closed point at the pool's size the shares were taken of), beside the open point nearest in rate.
     */
    private static List<ClosedVsOpen> closedVsOpen(List<OpenRow> rows, List<PointGroup> openGroups, List<PointGroup> closed) {
        Map<String, List<OpenRow>> byConfig = byConfig(rows);
        List<ClosedVsOpen> out = new ArrayList<>();
        byConfig.forEach((config, open) -> {
            PointGroup best = closed.stream().filter(g -> g.key().configuration().label().equals(config) && g.rps() != null)
                    .max(Comparator.comparingDouble(g -> g.rps().median())).orElse(null);
            List<CapacityProbe> probes = best != null ? List.of() : probes(openGroups, config);
            Spread probeRps = Spread.of(probes.stream().map(p -> (Double) p.rps()).toList());
            Double reference = best != null ? (Double) best.rps().median() : probeRps == null ? null : (Double) probeRps.median();
            OpenRow near = reference == null ? open.getLast()
                    : open.stream().min(Comparator.comparingDouble(r -> Math.abs(r.offered() - reference))).orElseThrow();
            Long closedP99 = best != null ? (best.latency() == null ? null : best.latency().figures().p99Micros()) : probeP99(probes);
            out.add(ClosedVsOpen.builder().config(config)
                    .closedId(best == null ? null : best.key().id())
                    .closedLoad(best == null ? null : best.key().level().label())
                    .closedRps(reference).closedP99Micros(closedP99)
                    .openId(near.id()).openLoad(near.load()).offeredRps(near.offered())
                    .keptRps(near.keptRps() == null ? null : near.keptRps().median())
                    .serviceP99Micros(near.service() == null ? null : near.service().figures().p99Micros())
                    .intendedP99Micros(near.intended() == null ? null : near.intended().figures().p99Micros())
                    .build());
        });
        return out;
    }

    /**
     * The capacity table follows {@link CapacityAtSlo}, the one rule the harness judges an SLO
     * by: repetitions merged, late repetitions left out, failures counted as misses.
     */
    private static List<CapacityRow> capacity(List<PointGroup> groups, List<OpenRow> rows, Slo slo) {
        List<PointResult> points = groups.stream().flatMap(g -> g.repetitions().stream()).toList();
        CapacityAtSlo judged = CapacityAtSlo.of(points, slo.percentile(), slo.latency());
        List<CapacityRow> found = new ArrayList<>();
        for (CapacityAtSlo.Row row : judged.rows()) {
            String config = row.configuration().label();
            CapacityAtSlo.Level at = row.capacity();
            OpenRow atRow = at == null ? null : rowAt(rows, config, at);
            CapacityAtSlo.Level broken = row.levels().stream().filter(l -> !l.met()).findFirst().orElse(null);
            String brokenAt = broken == null ? null : rate(broken) + " (" + (broken.percentileMicros() == null ? broken.reason()
                    : Units.millis(broken.percentileMicros()) + " ms"
                      + (CapacityAtSlo.ABOVE_TARGET.equals(broken.reason()) ? "" : "; " + broken.reason())) + ")";
            String outcome = switch (row.outcome()) {
                case MET -> "met up to";
                case MET_AT_EVERY_RATE -> "met at every rate (at least)";
                case NEVER_MET -> "never met";
            };
            found.add(CapacityRow.builder().config(config).outcome(outcome).id(atRow == null ? null : atRow.id())
                    .capacityRps(at == null || at.offeredRps() == null ? null : at.offeredRps().median())
                    .percentileMicros(at == null ? null : at.percentileMicros())
                    .keptRps(at == null || at.achievedRps() == null ? null : at.achievedRps().median())
                    .cpuCores(at == null ? null : spread(at.serverCpuCores()))
                    .pssBytes(at == null ? null : spread(at.serverPssBytes()))
                    .ofBest(row.ratioToBest()).flagged(at != null && !at.flags().isEmpty()).brokenAt(brokenAt)
                    .build());
        }
        return found.stream()
                .sorted(Comparator.comparing((CapacityRow r) -> r.capacityRps() == null ? 0 : -r.capacityRps()))
                .toList();
    }

    private static OpenRow rowAt(List<OpenRow> rows, String config, CapacityAtSlo.Level level) {
        return rows.stream().filter(r -> r.config().equals(config))
                .filter(r -> level.rateFraction() != null ? level.rateFraction().equals(r.rateFraction())
                        : r.rateFraction() == null && level.offeredRps() != null
                          && Math.abs(r.offered() - level.offeredRps().median()) < 1e-6 * Math.max(1, r.offered()))
                .findFirst().orElse(null);
    }

    private static String rate(CapacityAtSlo.Level level) {
        String offered = level.offeredRps() == null ? "" : Units.whole(level.offeredRps().median()) + " rps";
        return level.rateFraction() == null ? offered : Units.share(level.rateFraction()) + " of capacity"
                + (offered.isEmpty() ? "" : ", " + offered);
    }

    private static Spread spread(RepeatSummary s) {
        return s == null ? null : new Spread(s.median(), s.min(), s.max(), s.n());
    }

    private static Map<String, List<OpenRow>> byConfig(List<OpenRow> rows) {
        Map<String, List<OpenRow>> byConfig = new LinkedHashMap<>();
        for (OpenRow r : rows) {
            byConfig.computeIfAbsent(r.config(), c -> new ArrayList<>()).add(r);
        }
        return byConfig;
    }
}
