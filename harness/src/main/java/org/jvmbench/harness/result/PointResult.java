package org.jvmbench.harness.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One measured point: one server configuration, one endpoint, one concurrency, one
 * repetition. One line of {@code results.jsonl}, written whole when the point completes.
 * Primary results (throughput, latency) are kept apart from secondary ones (resources).
 *
 * @param schema      {@link #SCHEMA_VERSION} of the line
 * @param id          {@link PointKey#id()} plus {@code -r<repetition>}
 * @param histogram   the latency histogram (microseconds), HdrHistogram's compressed form in
 *                    Base64, so repetitions merge without averaging percentiles
 * @param files       paths relative to the sweep folder: {@code gatlingReport}, {@code serverLog}, {@code samples}
 */
public record PointResult(
        int schema,
        String id,
        PointKey key,
        int repetition,
        Instant start,
        Instant end,
        Throughput throughput,
        LatencySummary latency,
        ResourceUsage resources,
        Reconciliation counts,
        List<Flag> flags,
        Series series,
        String histogram,
        Map<String, String> files) {

    public static final int SCHEMA_VERSION = 1;

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
