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
            case INJECTOR_SATURATED -> "the load generator used at least "
                    + Math.round(Defaults.INJECTOR_SATURATED_RATIO * 100) + " % of its CPUs: it, not the server, may be the limit";
            case ERRORS -> "more than " + percent(Defaults.ERROR_RATIO) + " of requests failed";
            case COUNT_MISMATCH -> "client and server request counts differ by more than "
                    + percent(Defaults.COUNT_MISMATCH_RATIO);
            case SERVER_DIED -> "a server process exited during the point";
            case SERVER_HUNG -> "the server stopped making progress, or the point passed its deadline";
            case NOISY_NEIGHBOUR -> "other processes took CPU during the point";
        };
    }

    private static String percent(double ratio) {
        return Units.plain(ratio * 100) + " %";
    }
}
