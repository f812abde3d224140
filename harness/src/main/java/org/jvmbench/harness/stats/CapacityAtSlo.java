package org.jvmbench.harness.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.protocol.Histograms;

/**
 * Capacity at a latency target (the sweep's {@code slo}): for each configuration and endpoint of
 * an open-load sweep, the highest offered rate at which the target percentile of the latency from
 * each request's due time stays within the target, with the CPU and memory it took there, and
 * its ratio to the best configuration on that endpoint. The number a team sizes a service with.
 * A pure function of the points, so tests feed it points and the report renders what it returns.
 *
 * <p>How a rate is judged, its repetitions together:
 * <ul>
 *   <li><b>merged, never averaged</b>: the repetitions' histograms of latency from due time
 *       ({@code open.intendedHistogram}) are merged, and the percentile is read off the merge,
 *       i.e. over all their requests;</li>
 *   <li><b>a failed or unsent request misses the target</b>: a request that failed (KO) or fell
 *       due but was never sent (every connection stayed busy to the end) is counted as slower
 *       than any answer. The KO requests' own latencies are somewhere in the histogram; the
 *       percentile is read as if they were the fastest entries, so it is never below the truth.
 *       With neither, it is exactly the merged histogram's percentile;</li>
 *   <li><b>a repetition flagged {@code INJECTOR_LATE} never counts as meeting the target</b>,
 *       whatever its latency: the injector did not keep the timetable, so it is no evidence of
 *       what the server sustains at that rate. It is left out of the merge, and the rate is
 *       judged on the repetitions that kept their timetable; a rate none of whose repetitions
 *       did cannot meet the target. Leaving it out rather than failing the rate keeps one
 *       starved injector (another process on its CPU for a few seconds) from deciding a
 *       configuration's capacity; counting it would credit the server with a rate it was not
 *       shown;</li>
 *   <li><b>a rate with a repetition not measured, or whose server died or hung, does not meet
 *       it</b>: that is the server's doing. Other flags (noise, steadiness, the injector's CPU)
 *       do not change the verdict and are listed with the rate for the report to show;</li>
 *   <li><b>the capacity is the highest rate at and below which every rate meets the target</b>:
 *       the rate a team can plan for. A rate above the first miss that meets it again (noise, or
 *       a server faster under load) does not raise the capacity; the row says it happened.</li>
 * </ul>
 * The rows' outcomes: {@link Outcome#MET}; {@link Outcome#NEVER_MET}, when even the lowest rate
 * misses (no capacity, no ratio); {@link Outcome#MET_AT_EVERY_RATE}, when the highest rate
 * measured meets it: the capacity is then a lower bound, the configuration may take more.
 *
 * @param percentile    the target percentile, e.g. 99
 * @param latencyMicros the target latency
 * @param rows          one per configuration and endpoint with open points, endpoints and
 *                      configurations in the order the points came
 */
public record CapacityAtSlo(double percentile, long latencyMicros, List<Row> rows) {

    /** The reason of a level whose percentile was measured and is above the target. */
    public static final String ABOVE_TARGET = "the percentile is above the target";

    /** How a configuration did on an endpoint against the target. */
    public enum Outcome {
        /** Met up to a rate, missed above it. */
        MET,
        /** Missed even at the lowest rate measured. */
        NEVER_MET,
        /** Met at the highest rate measured too: the capacity is a lower bound. */
        MET_AT_EVERY_RATE
    }

    /**
     * One offered rate of one configuration and endpoint, its repetitions together.
     *
     * @param rate             the sweep's absolute rate, or null
     * @param rateFraction     the sweep's share of capacity, or null
     * @param repetitions      points at this rate
     * @param judged           the repetitions the rate is judged on: measured, and their injector not late
     * @param offeredRps       requests due per second, over the judged repetitions (a share's
     *                         rate differs with each fork's capacity); null when none was judged
     * @param achievedRps      answered requests per second over the judged repetitions; null when none was judged
     * @param percentileMicros the target percentile of the latency from due time over the merged
     *                         histograms of the judged repetitions, failed and unsent requests
     *                         counted as misses; null when none was judged or the misses alone
     *                         exceed the percentile's slack
     * @param met              whether this rate meets the target
     * @param reason           why it does not, in words; null when it does
     * @param flags            every flag code any repetition carries, in the order of {@link Flag.Code}
     * @param serverCpuCores   the server's mean cores over the judged repetitions; null when not sampled
     * @param serverRssBytes   the server's mean RSS over the judged repetitions; null when not sampled
     * @param serverPssBytes   the server's mean PSS over the judged repetitions; null when not read
     */
    public record Level(Double rate, Double rateFraction, int repetitions, int judged, RepeatSummary offeredRps,
                        RepeatSummary achievedRps, Long percentileMicros, boolean met, String reason, List<Flag.Code> flags,
                        RepeatSummary serverCpuCores, RepeatSummary serverRssBytes, RepeatSummary serverPssBytes) {

        public Level {
            flags = List.copyOf(flags);
        }

        /** {@code Level} to fill in by name: a component not set stays null, false or 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** {@code Level} built by name; {@link #build} holds it to the record's own rules. */
        public static final class Builder {
            private Double rate;
            private Double rateFraction;
            private int repetitions;
            private int judged;
            private RepeatSummary offeredRps;
            private RepeatSummary achievedRps;
            private Long percentileMicros;
            private boolean met;
            private String reason;
            private List<Flag.Code> flags;
            private RepeatSummary serverCpuCores;
            private RepeatSummary serverRssBytes;
            private RepeatSummary serverPssBytes;

            private Builder() {
            }

            public Builder rate(Double value) {
                rate = value;
                return this;
            }

            public Builder rateFraction(Double value) {
                rateFraction = value;
                return this;
            }

            public Builder repetitions(int value) {
                repetitions = value;
                return this;
            }

            public Builder judged(int value) {
                judged = value;
                return this;
            }

            public Builder offeredRps(RepeatSummary value) {
                offeredRps = value;
                return this;
            }

            public Builder achievedRps(RepeatSummary value) {
                achievedRps = value;
                return this;
            }

            public Builder percentileMicros(Long value) {
                percentileMicros = value;
                return this;
            }

            public Builder met(boolean value) {
                met = value;
                return this;
            }

            public Builder reason(String value) {
                reason = value;
                return this;
            }

            public Builder flags(List<Flag.Code> value) {
                flags = value;
                return this;
            }

            public Builder serverCpuCores(RepeatSummary value) {
                serverCpuCores = value;
                return this;
            }

            public Builder serverRssBytes(RepeatSummary value) {
                serverRssBytes = value;
                return this;
            }

            public Builder serverPssBytes(RepeatSummary value) {
                serverPssBytes = value;
                return this;
            }

            public Level build() {
                return new Level(rate, rateFraction, repetitions, judged, offeredRps, achievedRps, percentileMicros,
                        met, reason, flags, serverCpuCores, serverRssBytes, serverPssBytes);
            }
        }
    }

    /**
     * One configuration on one endpoint.
     *
     * @param configuration the server configuration
     * @param endpoint      the request path with its query
     * @param connections   the pool the open points went out on
     * @param outcome       met, never met, or met at every rate measured
     * @param capacity      the highest rate at and below which every rate met the target, with its
     *                      latency, CPU and memory; null when never met
     * @param ratioToBest   the capacity's offered rate over the highest capacity any configuration
     *                      reached on this endpoint (1 for the best); null when never met. A lower
     *                      bound's ratio is itself a lower bound; against a best that is a lower
     *                      bound, it may be too high
     * @param metAgainAbove a rate above the first miss met the target again (it does not count)
     * @param levels        every rate measured, lowest first
     */
    public record Row(ConfigurationKey configuration, String endpoint, int connections, Outcome outcome, Level capacity,
                      Double ratioToBest, boolean metAgainAbove, List<Level> levels) {

        public Row {
            levels = List.copyOf(levels);
        }

        /** The capacity is the highest rate measured, not a rate the target was seen to break above. */
        public boolean lowerBound() {
            return outcome == Outcome.MET_AT_EVERY_RATE;
        }
    }

    public CapacityAtSlo {
        rows = List.copyOf(rows);
    }

    /** The server's faults: a rate where one happened does not meet the target. */
    private static final Set<Flag.Code> SERVER_FAULTS = EnumSet.of(Flag.Code.SERVER_DIED, Flag.Code.SERVER_HUNG);

    /**
     * Judges every open point of {@code points} (closed points are left out) against the target.
     *
     * @param percentile above 0 and below 100, e.g. 99
     * @param latency    the target, e.g. 50 ms
     */
    public static CapacityAtSlo of(List<PointResult> points, double percentile, Duration latency) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile must be above 0 and below 100, got " + percentile);
        }
        long target = latency.toNanos() / 1000;
        Map<PointKey, Map<PointKey, List<PointResult>>> byRow = new LinkedHashMap<>();
        for (PointResult p : points) {
            if (p.key() == null || !p.key().open()) {
                continue;
            }
            byRow.computeIfAbsent(withoutRate(p.key()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<PointKey, Map<PointKey, List<PointResult>>> row : byRow.entrySet()) {
            List<Level> levels = row.getValue().entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> load(e.getKey())))
                    .map(e -> level(e.getKey(), e.getValue(), percentile, target))
                    .toList();
            rows.add(row(row.getKey(), levels));
        }
        return new CapacityAtSlo(percentile, target, withRatios(rows));
    }

    private static Row row(PointKey key, List<Level> levels) {
        int firstMiss = 0;
        while (firstMiss < levels.size() && levels.get(firstMiss).met()) {
            firstMiss++;
        }
        Outcome outcome = firstMiss == 0 ? Outcome.NEVER_MET : firstMiss == levels.size() ? Outcome.MET_AT_EVERY_RATE : Outcome.MET;
        Level capacity = firstMiss == 0 ? null : levels.get(firstMiss - 1);
        boolean metAgain = levels.subList(firstMiss, levels.size()).stream().anyMatch(Level::met);
        return new Row(key.configuration(), key.endpoint(), key.level().connections(), outcome, capacity, null, metAgain, levels);
    }

    /** Each row's capacity against the highest on its endpoint. */
    private static List<Row> withRatios(List<Row> rows) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.capacity() != null && r.capacity().offeredRps() != null) {
                best.merge(r.endpoint(), r.capacity().offeredRps().median(), Math::max);
            }
        }
        return rows.stream().map(r -> {
            Double top = best.get(r.endpoint());
            Double ratio = r.capacity() == null || r.capacity().offeredRps() == null || top == null || top <= 0 ? null
                    : r.capacity().offeredRps().median() / top;
            return new Row(r.configuration(), r.endpoint(), r.connections(), r.outcome(), r.capacity(), ratio,
                    r.metAgainAbove(), r.levels());
        }).toList();
    }

    private static Level level(PointKey key, List<PointResult> repetitions, double percentile, long target) {
        Set<Flag.Code> flags = new TreeSet<>();
        repetitions.forEach(p -> p.flags().forEach(f -> flags.add(f.code())));
        List<PointResult> measured = repetitions.stream().filter(p -> p.measured() && p.open() != null
                && p.open().intendedHistogram() != null).toList();
        List<PointResult> judged = measured.stream()
                .filter(p -> p.flags().stream().noneMatch(f -> f.code() == Flag.Code.INJECTOR_LATE)).toList();
        Histogram merged = Histograms.empty();
        long ko = 0;
        long unsent = 0;
        for (PointResult p : judged) {
            merged.add(Histograms.decode(p.open().intendedHistogram()));
            ko += p.throughput().ko();
            unsent += p.open().unsentRequests(p.throughput().requests());
        }
        Long value = judged.isEmpty() ? null : percentileCountingMisses(merged, ko, unsent, percentile);

        String reason = null;
        if (measured.size() < repetitions.size()) {
            reason = (repetitions.size() - measured.size()) + " of " + repetitions.size() + " repetitions not measured";
        } else if (flags.stream().anyMatch(SERVER_FAULTS::contains)) {
            reason = "the server died or hung";
        } else if (judged.isEmpty()) {
            reason = "the injector was late (INJECTOR_LATE) in every repetition: the timetable was never kept";
        } else if (value == null) {
            reason = "failed and unsent requests alone exceed the percentile's slack";
        } else if (value > target) {
            reason = ABOVE_TARGET;
        }
        List<PointResult> sampled = judged.stream().filter(p -> p.resources() != null).toList();
        return Level.builder().rate(key.level().rate()).rateFraction(key.level().share())
                .repetitions(repetitions.size()).judged(judged.size())
                .offeredRps(summary(judged.stream().map(p -> (Double) p.open().offeredRps()).toList()))
                .achievedRps(summary(judged.stream().map(p -> (Double) p.throughput().rps()).toList()))
                .percentileMicros(value).met(reason == null).reason(reason).flags(List.copyOf(flags))
                .serverCpuCores(summary(sampled.stream().map(p -> (Double) p.resources().serverCpuCores()).toList()))
                .serverRssBytes(summary(sampled.stream().map(p -> (double) p.resources().serverRssBytes()).toList()))
                .serverPssBytes(summary(sampled.stream().map(p -> p.resources().serverPssBytes())
                        .filter(Objects::nonNull).map(Long::doubleValue).toList()))
                .build();
    }

    /**
     * The {@code percentile} of {@code sent + unsent} requests when the {@code ko} failed ones
     * among the sent and every unsent one count as slower than any answer: the value at rank
     * {@code ceil(p · (sent + unsent))}, read {@code ko} ranks further up the histogram (where
     * the failed ones may have been the fastest), or null when that rank lies beyond the answers.
     * Without failed or unsent requests, the histogram's own percentile.
     */
    static Long percentileCountingMisses(Histogram sent, long ko, long unsent, double percentile) {
        long total = sent.getTotalCount() + unsent;
        if (total == 0) {
            return null;
        }
        // as HdrHistogram reads a percentile: one ulp down, so 99 % of 1,000 is rank 990, not 991
        long rank = Math.max(1, (long) Math.ceil(Math.nextDown(percentile) / 100 * total)) + ko;
        if (rank > sent.getTotalCount()) {
            return null;
        }
        for (HistogramIterationValue v : sent.recordedValues()) {
            if (v.getTotalCountToThisValue() >= rank) {
                return sent.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return null;
    }

    /** The point's key without its rate: the configuration, endpoint and pool a row is about. */
    private static PointKey withoutRate(PointKey k) {
        return PointKey.of(k.configuration(), k.endpoint(), k.level().connections());
    }

    private static double load(PointKey k) {
        return k.level().rate() != null ? k.level().rate() : k.level().share();
    }

    private static RepeatSummary summary(List<Double> values) {
        return values.isEmpty() ? null : RepeatSummary.of(values);
    }
}
