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

    /** A point that was never measured: only the reason it was not. */
    public static Evidence notMeasured(boolean serverDied, String hungReason) {
        return new Evidence(null, null, null, null, serverDied, hungReason, null, null, List.of(), null, null);
    }

    /** {@code Evidence} to fill in by name: a component not set stays null, false or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code Evidence} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.throughput = throughput;
        b.resources = resources;
        b.series = series;
        b.counts = counts;
        b.serverDied = serverDied;
        b.hungReason = hungReason;
        b.stability = stability;
        b.warmUp = warmUp;
        b.fatalLogLines = fatalLogLines;
        b.injectorCeilingRps = injectorCeilingRps;
        b.open = open;
        return b;
    }

    /** {@code Evidence} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private Throughput throughput;
        private ResourceUsage resources;
        private Series series;
        private Reconciliation counts;
        private boolean serverDied;
        private String hungReason;
        private Stability stability;
        private WarmUp warmUp;
        private List<String> fatalLogLines;
        private Double injectorCeilingRps;
        private OpenLoad open;

        private Builder() {
        }

        public Builder throughput(Throughput value) {
            throughput = value;
            return this;
        }

        public Builder resources(ResourceUsage value) {
            resources = value;
            return this;
        }

        public Builder series(Series value) {
            series = value;
            return this;
        }

        public Builder counts(Reconciliation value) {
            counts = value;
            return this;
        }

        public Builder serverDied(boolean value) {
            serverDied = value;
            return this;
        }

        public Builder hungReason(String value) {
            hungReason = value;
            return this;
        }

        public Builder stability(Stability value) {
            stability = value;
            return this;
        }

        public Builder warmUp(WarmUp value) {
            warmUp = value;
            return this;
        }

        public Builder fatalLogLines(List<String> value) {
            fatalLogLines = value;
            return this;
        }

        public Builder injectorCeilingRps(Double value) {
            injectorCeilingRps = value;
            return this;
        }

        public Builder open(OpenLoad value) {
            open = value;
            return this;
        }

        public Evidence build() {
            return new Evidence(throughput, resources, series, counts, serverDied, hungReason, stability, warmUp,
                    fatalLogLines, injectorCeilingRps, open);
        }
    }
}
