package org.jvmbench.harness.trust;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Flag.Code;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Throughput;

/**
 * Decides which reasons not to trust a point apply, each as a sentence with the numbers that
 * raised it. A pure function: everything it looks at is in its {@link Evidence}.
 */
public final class FlagRules {

    /**
     * Where each rule trips; {@link #defaults()} are those of {@link Defaults}.
     *
     * @param injectorSaturatedRatio  injector cores / its CPUs at or above which a second counts as saturated
     * @param injectorSaturatedShare  share of the window's seconds that must be saturated to flag the point
     * @param injectorBoundRatio      point RPS / the injector's ceiling at or above which the injector may be the limit
     * @param errorRatio              failed / all requests above which errors are flagged
     * @param countMismatchRatio      client/server count difference above which counts disagree
     * @param noisyOtherCpuCoresMean  other processes' mean cores (per CPU set) at or above which the point was disturbed
     * @param noisyOtherCpuCoresPeak  other processes' one-second cores (per CPU set) at or above which it was disturbed
     * @param stealCoresMean          mean steal (cores, per CPU set) at or above which the point is flagged
     * @param trend                   largest |trend| of a point's own window
     * @param jitShare                largest share of a point's window its server may spend compiling
     * @param injectorLateShare       open load: late / scheduled requests above which the injector missed the rate
     */
    public record Thresholds(
            double injectorSaturatedRatio,
            double injectorSaturatedShare,
            double injectorBoundRatio,
            double errorRatio,
            double countMismatchRatio,
            double noisyOtherCpuCoresMean,
            double noisyOtherCpuCoresPeak,
            double stealCoresMean,
            double trend,
            double jitShare,
            double injectorLateShare) {

        public static Thresholds defaults() {
            return new Builder()
                    .injectorSaturatedRatio(Defaults.INJECTOR_SATURATED_RATIO)
                    .injectorSaturatedShare(Defaults.INJECTOR_SATURATED_SHARE)
                    .injectorBoundRatio(Defaults.INJECTOR_BOUND_RATIO)
                    .errorRatio(Defaults.ERROR_RATIO)
                    .countMismatchRatio(Defaults.COUNT_MISMATCH_RATIO)
                    .noisyOtherCpuCoresMean(Defaults.NOISY_OTHER_CPU_CORES_MEAN)
                    .noisyOtherCpuCoresPeak(Defaults.NOISY_OTHER_CPU_CORES_PEAK)
                    .stealCoresMean(Defaults.STEAL_CORES_MEAN)
                    .trend(Defaults.POINT_TREND)
                    .jitShare(Defaults.POINT_JIT_SHARE)
                    .injectorLateShare(Defaults.INJECTOR_LATE_SHARE)
                    .build();
        }

        /** These thresholds to change by name: {@code defaults().toBuilder().jitShare(0.05).build()}. */
        public Builder toBuilder() {
            return new Builder()
                    .injectorSaturatedRatio(injectorSaturatedRatio)
                    .injectorSaturatedShare(injectorSaturatedShare)
                    .injectorBoundRatio(injectorBoundRatio)
                    .errorRatio(errorRatio)
                    .countMismatchRatio(countMismatchRatio)
                    .noisyOtherCpuCoresMean(noisyOtherCpuCoresMean)
                    .noisyOtherCpuCoresPeak(noisyOtherCpuCoresPeak)
                    .stealCoresMean(stealCoresMean)
                    .trend(trend)
                    .jitShare(jitShare)
                    .injectorLateShare(injectorLateShare);
        }

        /** {@code Thresholds} built by name; {@link #build} holds it to the record's own rules. */
        public static final class Builder {
            private double injectorSaturatedRatio;
            private double injectorSaturatedShare;
            private double injectorBoundRatio;
            private double errorRatio;
            private double countMismatchRatio;
            private double noisyOtherCpuCoresMean;
            private double noisyOtherCpuCoresPeak;
            private double stealCoresMean;
            private double trend;
            private double jitShare;
            private double injectorLateShare;

            private Builder() {
            }

            public Builder injectorSaturatedRatio(double value) {
                injectorSaturatedRatio = value;
                return this;
            }

            public Builder injectorSaturatedShare(double value) {
                injectorSaturatedShare = value;
                return this;
            }

            public Builder injectorBoundRatio(double value) {
                injectorBoundRatio = value;
                return this;
            }

            public Builder errorRatio(double value) {
                errorRatio = value;
                return this;
            }

            public Builder countMismatchRatio(double value) {
                countMismatchRatio = value;
                return this;
            }

            public Builder noisyOtherCpuCoresMean(double value) {
                noisyOtherCpuCoresMean = value;
                return this;
            }

            public Builder noisyOtherCpuCoresPeak(double value) {
                noisyOtherCpuCoresPeak = value;
                return this;
            }

            public Builder stealCoresMean(double value) {
                stealCoresMean = value;
                return this;
            }

            public Builder trend(double value) {
                trend = value;
                return this;
            }

            public Builder jitShare(double value) {
                jitShare = value;
                return this;
            }

            public Builder injectorLateShare(double value) {
                injectorLateShare = value;
                return this;
            }

            public Thresholds build() {
                return new Thresholds(injectorSaturatedRatio, injectorSaturatedShare, injectorBoundRatio, errorRatio,
                        countMismatchRatio, noisyOtherCpuCoresMean, noisyOtherCpuCoresPeak, stealCoresMean, trend,
                        jitShare, injectorLateShare);
            }
        }
    }

    private FlagRules() {
    }

    public static List<Flag> evaluate(Evidence evidence) {
        return evaluate(evidence, Thresholds.defaults());
    }

    /** The flags of a point, in the order of {@link Code}. */
    public static List<Flag> evaluate(Evidence e, Thresholds t) {
        List<Flag> flags = new ArrayList<>();
        injectorSaturated(e, t, flags);
        Throughput throughput = e.throughput();
        if (throughput != null && e.injectorCeilingRps() != null && e.injectorCeilingRps() > 0
                && throughput.rps() >= t.injectorBoundRatio() * e.injectorCeilingRps()) {
            flags.add(new Flag(Code.INJECTOR_BOUND, String.format(Locale.ROOT,
                    "%.0f rps is %s %% of the %.0f rps the same injector reaches against a minimal server (≥ %s %%)",
                    throughput.rps(), percent(throughput.rps() / e.injectorCeilingRps()), e.injectorCeilingRps(),
                    percent(t.injectorBoundRatio()))));
        }
        injectorLate(e, t, flags);
        if (throughput != null && throughput.errorRatio() > t.errorRatio()) {
            flags.add(new Flag(Code.ERRORS, percent(throughput.errorRatio()) + " % of requests failed ("
                    + errorKinds(throughput) + ")"));
        }
        if (e.counts() != null && e.counts().differenceRatio() > t.countMismatchRatio()) {
            flags.add(new Flag(Code.COUNT_MISMATCH, "client counted " + e.counts().clientRequests() + " requests, server "
                    + e.counts().serverRequests() + " (" + percent(e.counts().differenceRatio()) + " % apart)"));
        }
        if (e.serverDied()) {
            flags.add(new Flag(Code.SERVER_DIED, "a server process exited during the point"));
        }
        if (e.hungReason() != null && !e.hungReason().isBlank()) {
            flags.add(new Flag(Code.SERVER_HUNG, e.hungReason()));
        }
        Stability stability = e.stability();
        if (stability != null && stability.stalledSeconds() > 0) {
            flags.add(new Flag(Code.STALLED, stability.stalledSeconds() + " of " + stability.fullSeconds()
                    + " seconds had no completed request while requests were outstanding (longest "
                    + stability.longestStallSeconds() + " s)"));
        }
        if (!e.fatalLogLines().isEmpty()) {
            int more = e.fatalLogLines().size() - 1;
            flags.add(new Flag(Code.FATAL_LOG, "the server logged a fatal error during the point: " + e.fatalLogLines().getFirst()
                    + (more > 0 ? " (and " + more + (more + 1 >= FatalLines.KEPT ? " or more" : "") + " further line" + (more == 1 ? "" : "s") + ")" : "")));
        }
        if (e.warmUp() != null && !e.warmUp().settled()) {
            flags.add(new Flag(Code.NOT_STEADY, String.format(Locale.ROOT,
                    "the warm-up of %s reached its cap after %.0f s without the server settling: %s",
                    e.warmUp().endpoint(), e.warmUp().seconds(), e.warmUp().verdict())));
        }
        if (e.warmUp() != null && e.warmUp().jitUnread() != null) {
            flags.add(new Flag(Code.JIT_UNKNOWN, String.format(Locale.ROOT,
                    "the warm-up of %s ended after %.0f s without the server's JIT time: %s; %s",
                    e.warmUp().endpoint(), e.warmUp().seconds(), e.warmUp().jitUnread(),
                    e.warmUp().settled() ? "it settled on throughput alone" : "it reached its cap")));
        }
        unsteady(e, t, flags);
        neighbours(e.resources(), t, flags);
        return List.copyOf(flags);
    }

    /** Per second: enough seconds at the injector's limit, not just a high mean, make it the suspect. */
    private static void injectorSaturated(Evidence e, Thresholds t, List<Flag> flags) {
        ResourceUsage r = e.resources();
        if (r == null || r.injectorCpus() <= 0) {
            return;
        }
        List<Double> perSecond = e.series() == null ? List.of() : e.series().injectorCpuCores();
        long saturated = perSecond.stream().filter(c -> c / r.injectorCpus() >= t.injectorSaturatedRatio()).count();
        double meanShare = r.injectorCpuCores() / r.injectorCpus();
        boolean bySeconds = !perSecond.isEmpty() && saturated >= Math.max(1, Math.ceil(t.injectorSaturatedShare() * perSecond.size()));
        if (bySeconds || meanShare >= t.injectorSaturatedRatio()) {
            flags.add(new Flag(Code.INJECTOR_SATURATED, String.format(Locale.ROOT,
                    "injector at ≥ %s %% of its %d CPU%s in %d of %d seconds (mean %.2f cores)",
                    percent(t.injectorSaturatedRatio()), r.injectorCpus(), r.injectorCpus() == 1 ? "" : "s",
                    saturated, perSecond.size(), r.injectorCpuCores())));
        }
    }

    /**
     * Open load: requests the injector sent past the late threshold while a connection was free for
     * them. Requests that waited for a connection (queued) are the server's doing and are not
     * counted; so many late ones mean the offered rate was not the rate the server got.
     */
    private static void injectorLate(Evidence e, Thresholds t, List<Flag> flags) {
        OpenLoad open = e.open();
        if (open == null || open.lateShare() <= t.injectorLateShare()) {
            return;
        }
        flags.add(new Flag(Code.INJECTOR_LATE, String.format(Locale.ROOT,
                "the injector sent %,d of %,d scheduled requests more than %s ms after their due time with a connection free "
                        + "(%s %%, > %s %%; the latest %s ms late): the server did not get the timetable offered (%.0f rps)",
                open.lateRequests(), open.scheduledRequests(), millis(open.lateThresholdMicros()), percent(open.lateShare()),
                percent(t.injectorLateShare()), millis(open.maxLateMicros()), open.offeredRps())));
    }

    private static String millis(long micros) {
        return new BigDecimal(micros / 1000.0).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    private static void unsteady(Evidence e, Thresholds t, List<Flag> flags) {
        Stability s = e.stability();
        if (s == null || e.throughput() == null) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (s.fullSeconds() >= Steadiness.MIN_SECONDS && Math.abs(s.trend()) > t.trend()) {
            reasons.add("throughput drifted " + SettleRule.signedPercent(s.trend()) + " from the first third of the window to the last (≤ "
                    + SettleRule.percent(t.trend()) + ")");
        }
        double jitShare = s.jitShare(e.throughput().windowSeconds());
        if (!Double.isNaN(jitShare) && jitShare > t.jitShare()) {
            reasons.add("the JIT compiled for " + s.jitMs() + " ms, " + SettleRule.percent(jitShare) + " of the window (≤ "
                    + SettleRule.percent(t.jitShare()) + ")");
        }
        if (!reasons.isEmpty()) {
            flags.add(new Flag(Code.UNSTEADY, String.join("; ", reasons)));
        }
    }

    private static void neighbours(ResourceUsage r, Thresholds t, List<Flag> flags) {
        if (r == null) {
            return;
        }
        List<String> noisy = new ArrayList<>();
        if (r.serverCpusOther() != null) {
            noisy(noisy, "the server's CPUs", r.serverCpusOther(), r.serverCpusOtherPeak(), t);
            noisy(noisy, "the injector's CPUs", r.injectorCpusOther(), r.injectorCpusOtherPeak(), t);
        } else {
            noisy(noisy, "the machine", r.otherCpuCores(), r.otherCpuCoresPeak(), t);
        }
        if (!noisy.isEmpty()) {
            flags.add(new Flag(Code.NOISY_NEIGHBOUR, "other processes used " + String.join("; ", noisy)));
        }
        List<String> steal = new ArrayList<>();
        if (r.serverCpusSteal() != null && r.serverCpusSteal() >= t.stealCoresMean()) {
            steal.add(String.format(Locale.ROOT, "%.2f cores of the server's CPUs", r.serverCpusSteal()));
        }
        if (r.injectorCpusSteal() != null && r.injectorCpusSteal() >= t.stealCoresMean()) {
            steal.add(String.format(Locale.ROOT, "%.2f cores of the injector's CPUs", r.injectorCpusSteal()));
        }
        if (!steal.isEmpty()) {
            flags.add(new Flag(Code.CPU_STEAL, "the hypervisor took " + String.join(" and ", steal) + " on average (≥ "
                    + String.format(Locale.ROOT, "%.2f", t.stealCoresMean()) + ")"));
        }
    }

    private static void noisy(List<String> noisy, String where, Double mean, Double peak, Thresholds t) {
        if (mean == null) {
            return;
        }
        double p = peak == null ? 0 : peak;
        if (mean >= t.noisyOtherCpuCoresMean() || p >= t.noisyOtherCpuCoresPeak()) {
            noisy.add(String.format(Locale.ROOT, "%.2f cores on average (peak %.2f) on %s", mean, p, where));
        }
    }

    /** Most frequent first: {@code status_500: 12, timeout: 3}. */
    private static String errorKinds(Throughput throughput) {
        if (throughput.errors() == null || throughput.errors().isEmpty()) {
            return throughput.ko() + " KO, kinds not reported";
        }
        return throughput.errors().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(x -> x.getKey() + ": " + x.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A ratio as a percentage with two significant digits: 0.0025 → 0.25, 0.0244 → 2.4, 0.9 → 90. */
    static String percent(double ratio) {
        return new BigDecimal(ratio * 100).round(new MathContext(2, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
    }
}
