package org.jvmbench.harness.trust;

import java.util.List;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.WarmUp;

/**
 * Everything the flag rules look at for one point. A part that was not measured (a point cut
 * short, a server without {@code /info}) is null, and the rules that need it are skipped.
 *
 * @param serverDied         a server process exited during the point
 * @param hungReason         why the server was judged hung ({@link Stalls#hungReason}), or null
 * @param fatalLogLines      lines the server logged during the point that name a fatal error
 * @param injectorCeilingRps what the same injector reached against the reference target at this
 *                           load, or null where none was measured
 * @param open               an open-model point's schedule (how many requests the injector sent
 *                           late), or null for a closed point
 */
public record Evidence(
        Throughput throughput,
        ResourceUsage resources,
        Series series,
        Reconciliation counts,
        boolean serverDied,
        String hungReason,
        Stability stability,
        WarmUp warmUp,
        List<String> fatalLogLines,
        Double injectorCeilingRps,
        OpenLoad open) {

    public Evidence {
        fatalLogLines = fatalLogLines == null ? List.of() : List.copyOf(fatalLogLines);
    }

    /** A closed-model point's evidence. */
    public Evidence(Throughput throughput, ResourceUsage resources, Series series, Reconciliation counts, boolean serverDied,
                    String hungReason, Stability stability, WarmUp warmUp, List<String> fatalLogLines, Double injectorCeilingRps) {
        this(throughput, resources, series, counts, serverDied, hungReason, stability, warmUp, fatalLogLines, injectorCeilingRps,
                null);
    }

    /** A point that was never measured: only the reason it was not. */
    public static Evidence notMeasured(boolean serverDied, String hungReason) {
        return new Evidence(null, null, null, null, serverDied, hungReason, null, null, List.of(), null, null);
    }
}
