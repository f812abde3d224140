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
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Throughput;

/**
 * Decides which reasons not to trust a point apply, each as a sentence with the numbers that
 * raised it. A pure function: everything it looks at is a parameter.
 */
public final class FlagRules {

    /**
     * Where each rule trips; {@link #defaults()} are those of {@link Defaults}.
     *
     * @param injectorSaturatedRatio injector cores / its CPUs at or above which it may be the bottleneck
     * @param errorRatio             failed / all requests above which errors are flagged
     * @param countMismatchRatio     client/server count difference above which counts disagree
     * @param noisyOtherCpuCoresMean other processes' mean cores at or above which the point was disturbed
     * @param noisyOtherCpuCoresPeak other processes' one-second cores at or above which the point was disturbed
     */
    public record Thresholds(
            double injectorSaturatedRatio,
            double errorRatio,
            double countMismatchRatio,
            double noisyOtherCpuCoresMean,
            double noisyOtherCpuCoresPeak) {

        public static Thresholds defaults() {
            return new Thresholds(
                    Defaults.INJECTOR_SATURATED_RATIO,
                    Defaults.ERROR_RATIO,
                    Defaults.COUNT_MISMATCH_RATIO,
                    Defaults.NOISY_OTHER_CPU_CORES_MEAN,
                    Defaults.NOISY_OTHER_CPU_CORES_PEAK);
        }
    }

    private FlagRules() {
    }

    /** {@link #evaluate(Throughput, ResourceUsage, Reconciliation, boolean, String, Thresholds)} with the defaults. */
    public static List<Flag> evaluate(Throughput throughput, ResourceUsage resources, Reconciliation counts,
                                      boolean serverDied, String hungReason) {
        return evaluate(throughput, resources, counts, serverDied, hungReason, Thresholds.defaults());
    }

    /**
     * The flags of a point, in the order of {@link Code}. A null input (a point cut short
     * before it was measured) skips the rules that need it.
     *
     * @param hungReason why the server was judged hung, as a sentence, or null if it was not
     */
    public static List<Flag> evaluate(Throughput throughput, ResourceUsage resources, Reconciliation counts,
                                      boolean serverDied, String hungReason, Thresholds thresholds) {
        List<Flag> flags = new ArrayList<>();
        if (resources != null && resources.injectorCpus() > 0) {
            double share = resources.injectorCpuCores() / resources.injectorCpus();
            if (share >= thresholds.injectorSaturatedRatio()) {
                flags.add(new Flag(Code.INJECTOR_SATURATED, String.format(Locale.ROOT,
                        "injector used %.2f of its %d CPU%s (≥ %s %%)", resources.injectorCpuCores(),
                        resources.injectorCpus(), resources.injectorCpus() == 1 ? "" : "s",
                        percent(thresholds.injectorSaturatedRatio()))));
            }
        }
        if (throughput != null && throughput.errorRatio() > thresholds.errorRatio()) {
            flags.add(new Flag(Code.ERRORS, percent(throughput.errorRatio()) + " % of requests failed ("
                    + errorKinds(throughput) + ")"));
        }
        if (counts != null && counts.differenceRatio() > thresholds.countMismatchRatio()) {
            flags.add(new Flag(Code.COUNT_MISMATCH, "client counted " + counts.clientRequests() + " requests, server "
                    + counts.serverRequests() + " (" + percent(counts.differenceRatio()) + " % apart)"));
        }
        if (serverDied) {
            flags.add(new Flag(Code.SERVER_DIED, "a server process exited during the point"));
        }
        if (hungReason != null && !hungReason.isBlank()) {
            flags.add(new Flag(Code.SERVER_HUNG, hungReason));
        }
        if (resources != null && (resources.otherCpuCores() >= thresholds.noisyOtherCpuCoresMean()
                || resources.otherCpuCoresPeak() >= thresholds.noisyOtherCpuCoresPeak())) {
            flags.add(new Flag(Code.NOISY_NEIGHBOUR, String.format(Locale.ROOT,
                    "other processes used %.2f cores on average (peak %.2f)",
                    resources.otherCpuCores(), resources.otherCpuCoresPeak())));
        }
        return List.copyOf(flags);
    }

    /** Most frequent first: {@code status_500: 12, timeout: 3}. */
    private static String errorKinds(Throughput throughput) {
        if (throughput.errors() == null || throughput.errors().isEmpty()) {
            return throughput.ko() + " KO, kinds not reported";
        }
        return throughput.errors().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A ratio as a percentage with two significant digits: 0.0025 → 0.25, 0.0244 → 2.4, 0.9 → 90. */
    static String percent(double ratio) {
        return new BigDecimal(ratio * 100).round(new MathContext(2, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
    }
}
