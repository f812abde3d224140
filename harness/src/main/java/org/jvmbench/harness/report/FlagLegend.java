package org.jvmbench.harness.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Flag;

/** What each flag code means, for the legend under every table. */
final class FlagLegend {

    private FlagLegend() {
    }

    static Map<String, String> all() {
        Map<String, String> legend = new LinkedHashMap<>();
        for (Flag.Code code : Flag.Code.values()) {
            legend.put(code.name(), meaning(code));
        }
        return legend;
    }

    static String meaning(Flag.Code code) {
        return switch (code) {
            case INJECTOR_SATURATED -> "the load generator was at " + Math.round(Defaults.INJECTOR_SATURATED_RATIO * 100)
                    + " % or more of its CPUs in at least " + Math.round(Defaults.INJECTOR_SATURATED_SHARE * 100)
                    + " % of the seconds: it, not the server, may be the limit";
            case INJECTOR_BOUND -> "the point reached " + Math.round(Defaults.INJECTOR_BOUND_RATIO * 100)
                    + " % or more of what the same load generator reaches against a minimal server answering the same bytes";
            case INJECTOR_LATE -> "open load: the load generator sent more than " + percent(Defaults.INJECTOR_LATE_SHARE)
                    + " of requests late, so the rate offered was not the rate kept";
            case INJECTOR_FAILED -> "several load generators: one failed during the point, so the load was less than its total";
            case INJECTORS_STAGGERED -> "several load generators: their first requests spread over more than "
                    + percent(Defaults.INJECTOR_START_SPREAD_SHARE) + " of the duration";
            case PROFILED -> "a profiler was attached to the server during the point: its numbers include the profiler's cost";
            case ERRORS -> "more than " + percent(Defaults.ERROR_RATIO) + " of requests failed";
            case COUNT_MISMATCH -> "client and server request counts differ by more than "
                    + percent(Defaults.COUNT_MISMATCH_RATIO);
            case SERVER_DIED -> "a server process exited during the point";
            case SERVER_HUNG -> "the server stopped making progress, or the point passed its deadline";
            case STALLED -> "whole seconds passed with no request completed while requests were waiting";
            case FATAL_LOG -> "the server logged a fatal error (OutOfMemoryError and the like) during the point";
            case NOT_STEADY -> "the warm-up reached its cap before the server settled: the point may still measure the JIT";
            case JIT_UNKNOWN -> "the server's JIT time could not be read at the end of the warm-up (its counters did not answer),"
                    + " so the warm-up ended judged on throughput alone: the point may still measure the JIT";
            case UNSTEADY -> "throughput drifted by more than " + percent(Defaults.POINT_TREND)
                    + " inside the point, or the JIT compiled for more than " + percent(Defaults.POINT_JIT_SHARE) + " of it";
            case NOISY_NEIGHBOUR -> "other processes took CPU on the server's or the load generator's CPUs during the point";
            case CPU_STEAL -> "the hypervisor took at least " + Units.plain(Defaults.STEAL_CORES_MEAN)
                    + " cores from the server's or the load generator's CPUs (steal)";
            case PARKED_BUSY -> "paired design: the servers waiting their turn used more than "
                    + percent(Defaults.PAIRED_PARKED_CPU_SHARE) + " of the server's CPUs during a slice of this point";
        };
    }

    private static String percent(double ratio) {
        return Units.plain(ratio * 100) + " %";
    }
}
