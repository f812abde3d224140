package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.stats.Difference;
import org.jvmbench.harness.stats.Direction;
import org.jvmbench.harness.stats.PairedInterval;
import org.jvmbench.harness.stats.PairedSample;
import org.jvmbench.harness.stats.RatioInterval;

/**
 * The paired design's answer: every configuration against the baseline (the first configuration
 * of the sweep) at each endpoint and load. Round by round the ratio of the two arms' slices of
 * the same fork (repetition) is taken, B's over the baseline's, for throughput and for p99; the
 * interval takes the fork pair as its unit ({@link PairedInterval}). A round where either slice completed nothing
 * has no ratio and is left out, and said.
 *
 * @param rows one per endpoint, load and configuration other than the baseline, in the results' order
 */
public record PairedTable(List<Comparison> rows) {

    /**
     * @param endpoint      the request path
     * @param load          the load's label, e.g. {@code c64}
     * @param baseline      the configuration every ratio is taken against
     * @param configuration the compared one
     * @param baselineRps   the baseline's throughput per fork (the median of its slices), over its forks: their
     *                      median and range, not one pool of slices, since the machine moves between forks
     * @param rps           the same of the compared configuration
     * @param throughput    B/A of RPS per round, with its interval, or null when no round paired
     * @param p99           B/A of p99 per round, with its interval, or null when no round paired
     * @param leftOut       rounds without a ratio (a slice that completed nothing)
     * @param flaggedSlices slices of either side carrying a flag
     */
    public record Comparison(String endpoint, String load, ConfigurationKey baseline, ConfigurationKey configuration,
                      Spread baselineRps, Spread rps, RatioInterval throughput, RatioInterval p99, int leftOut,
                      int flaggedSlices) {

        public Difference throughputDifference() {
            return throughput == null ? null : Difference.of(throughput, Direction.HIGHER_IS_BETTER, Defaults.PAIRED_THRESHOLD);
        }

        Difference p99Difference() {
            return p99 == null ? null : Difference.of(p99, Direction.LOWER_IS_BETTER, Defaults.PAIRED_THRESHOLD);
        }

        /** The throughput verdict as a sentence naming both sides. */
        public String throughputWords() {
            Difference d = throughputDifference();
            return d == null ? "no paired round" : d.words(name(baseline), name(configuration));
        }

        /** The p99 verdict, worded for a latency ("lower" is better). */
        String p99Words() {
            Difference d = p99Difference();
            return d == null ? "no paired round" : d.words(name(baseline) + "'s", name(configuration) + "'s p99", "lower", "higher");
        }

        /** A user's jar by its name (ab's A and B), our app by its label. */
        private static String name(ConfigurationKey c) {
            return c.jar() != null ? c.jar() : c.label();
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The paired comparisons of a run folder, seeded by the run's own seed (0 when it has none). */
    public static PairedTable of(SweepResults run) {
        return of(run.points());
    }

    /** The comparisons of a run folder's paired points; empty when no point has slices. */
    public static PairedTable of(List<PointResult> points) {
        // endpoint + load -> configuration (first seen first) -> repetition -> slices
        Map<String, Map<ConfigurationKey, Map<Integer, List<Slice>>>> byLevel = new LinkedHashMap<>();
        Map<String, String[]> levelNames = new LinkedHashMap<>();
        for (PointResult p : points) {
            if (p.slices() == null) {
                continue;
            }
            String level = p.key().endpoint() + " " + p.key().level().label();
            levelNames.putIfAbsent(level, new String[] {p.key().endpoint(), p.key().level().label()});
            byLevel.computeIfAbsent(level, l -> new LinkedHashMap<>())
                    .computeIfAbsent(p.key().configuration(), c -> new TreeMap<>())
                    .put(p.repetition(), p.slices());
        }
        List<Comparison> rows = new ArrayList<>();
        for (Map.Entry<String, Map<ConfigurationKey, Map<Integer, List<Slice>>>> level : byLevel.entrySet()) {
            List<ConfigurationKey> configurations = List.copyOf(level.getValue().keySet());
            if (configurations.size() < 2) {
                continue;
            }
            ConfigurationKey baseline = configurations.getFirst();
            Map<Integer, List<Slice>> base = level.getValue().get(baseline);
            for (ConfigurationKey c : configurations.subList(1, configurations.size())) {
                rows.add(compare(levelNames.get(level.getKey()), baseline, base, c, level.getValue().get(c)));
            }
        }
        return new PairedTable(rows);
    }

    /** B against A round by round over the forks both have: {@code configuration}'s slices over {@code baseline}'s. */
    static Comparison compare(String[] level, ConfigurationKey baseline, Map<Integer, List<Slice>> base,
                                      ConfigurationKey configuration, Map<Integer, List<Slice>> other) {
        List<List<Double>> rpsRatios = new ArrayList<>();
        List<List<Double>> p99Ratios = new ArrayList<>();
        int leftOut = 0;
        int flagged = 0;
        for (Map.Entry<Integer, List<Slice>> fork : other.entrySet()) {
            List<Slice> a = base.get(fork.getKey());
            if (a == null) {
                continue;
            }
            Map<Integer, Slice> aByRound = new TreeMap<>();
            a.forEach(s -> aByRound.put(s.round(), s));
            List<Double> rps = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (Slice b : fork.getValue()) {
                Slice s = aByRound.get(b.round());
                if (s == null) {
                    continue;
                }
                if (!s.flags().isEmpty() || !b.flags().isEmpty()) {
                    flagged++;
                }
                if (!(s.rps() > 0 && b.rps() > 0)) {
                    leftOut++;
                    continue;
                }
                rps.add(b.rps() / s.rps());
                if (s.p99Micros() != null && b.p99Micros() != null && s.p99Micros() > 0 && b.p99Micros() > 0) {
                    p99.add((double) b.p99Micros() / s.p99Micros());
                }
            }
            if (!rps.isEmpty()) {
                rpsRatios.add(rps);
            }
            if (!p99.isEmpty()) {
                p99Ratios.add(p99);
            }
        }
        return new Comparison(level[0], level[1], baseline, configuration, medianRps(base), medianRps(other),
                rpsRatios.isEmpty() ? null : PairedInterval.of(new PairedSample(rpsRatios)),
                p99Ratios.isEmpty() ? null : PairedInterval.of(new PairedSample(p99Ratios)), leftOut, flagged);
    }

    /** Per fork, the median of its slices' throughput; over the forks, their median and range. */
    private static Spread medianRps(Map<Integer, List<Slice>> forks) {
        List<Double> byFork = new ArrayList<>();
        for (List<Slice> slices : forks.values()) {
            Spread fork = Spread.of(slices.stream().map(Slice::rps).toList());
            if (fork != null) {
                byFork.add(fork.median());
            }
        }
        return Spread.of(byFork);
    }
}
