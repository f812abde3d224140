package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Footprint;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Throughput;

/**
 * {@code results.csv}: one row per repetition, every scalar of the result flattened, raw units in the
 * column names ({@code latency_p99_us}, {@code server_rss_bytes}), for spreadsheets and
 * notebooks. Rows keep the order the repetitions completed in.
 */
final class ResultsCsv implements ReportFormat<SweepResults> {

    static final String FILE = "results.csv";

    private record Column(String name, Function<PointResult, Object> value) {
    }

    private static final List<Column> COLUMNS = Stream.of(List.of(
            new Column("schema", PointResult::schema),
            new Column("id", PointResult::id),
            new Column("repetition", PointResult::repetition),
            new Column("app", r -> r.key().configuration().app()),
            new Column("engine", r -> r.key().configuration().engineOrDefault()),
            new Column("jar", r -> r.key().configuration().jar()),
            new Column("mode", r -> r.key().mode()),
            new Column("processes", r -> r.key().configuration().processes()),
            new Column("workers", r -> r.key().configuration().workers()),
            new Column("threads", r -> r.key().configuration().threads()),
            new Column("virtual_threads", r -> r.key().configuration().virtualThreads())), tuningColumns(), List.of(
            new Column("arm", r -> r.key().configuration().arm()),
            new Column("aot_cache", r -> r.key().configuration().aotCache()),
            new Column("endpoint", r -> r.key().endpoint()),
            new Column("concurrency", r -> r.key().level().connections()),
            new Column("rate", r -> r.key().level().rate()),
            new Column("rate_fraction", r -> r.key().level().share()),
            new Column("start", PointResult::start),
            new Column("end", PointResult::end),
            new Column("requests", throughput(Throughput::requests)),
            new Column("ok", throughput(Throughput::ok)),
            new Column("ko", throughput(Throughput::ko)),
            new Column("error_ratio", throughput(Throughput::errorRatio)),
            new Column("errors", throughput(t -> errors(t.errors()))),
            new Column("window_seconds", throughput(Throughput::windowSeconds)),
            new Column("rps", throughput(Throughput::rps)),
            new Column("latency_count", latency(LatencySummary::count)),
            new Column("latency_mean_us", latency(LatencySummary::meanMicros)),
            new Column("latency_p50_us", latency(LatencySummary::p50Micros)),
            new Column("latency_p90_us", latency(LatencySummary::p90Micros)),
            new Column("latency_p99_us", latency(LatencySummary::p99Micros)),
            new Column("latency_p999_us", latency(LatencySummary::p999Micros)),
            new Column("latency_max_us", latency(LatencySummary::maxMicros)),
            new Column("latency_resolution", latency(LatencySummary::resolution)),
            new Column("server_cpu_cores", resources(ResourceUsage::serverCpuCores)),
            new Column("server_cpu_cores_peak", resources(ResourceUsage::serverCpuCoresPeak)),
            new Column("server_rss_bytes", resources(ResourceUsage::serverRssBytes)),
            new Column("server_rss_bytes_peak", resources(ResourceUsage::serverRssBytesPeak)),
            new Column("server_pss_bytes", resources(ResourceUsage::serverPssBytes)),
            new Column("server_threads", resources(ResourceUsage::serverThreads)),
            new Column("injector_cpu_cores", resources(ResourceUsage::injectorCpuCores)),
            new Column("injector_cpus", resources(ResourceUsage::injectorCpus)),
            new Column("other_cpu_cores", resources(ResourceUsage::otherCpuCores)),
            new Column("other_cpu_cores_peak", resources(ResourceUsage::otherCpuCoresPeak)),
            new Column("server_cpus_other", resources(ResourceUsage::serverCpusOther)),
            new Column("server_cpus_other_peak", resources(ResourceUsage::serverCpusOtherPeak)),
            new Column("injector_cpus_other", resources(ResourceUsage::injectorCpusOther)),
            new Column("injector_cpus_other_peak", resources(ResourceUsage::injectorCpusOtherPeak)),
            new Column("server_cpus_steal", resources(ResourceUsage::serverCpusSteal)),
            new Column("injector_cpus_steal", resources(ResourceUsage::injectorCpusSteal)),
            new Column("full_seconds", stability(Stability::fullSeconds)),
            new Column("rps_cv", stability(Stability::rpsCv)),
            new Column("trend", stability(Stability::trend)),
            new Column("jit_ms", stability(Stability::jitMs)),
            new Column("gc_ms", stability(Stability::gcMs)),
            new Column("gc_count", stability(Stability::gcCount)),
            new Column("counters_seconds", stability(Stability::countersSeconds)),
            new Column("stalled_seconds", stability(Stability::stalledSeconds)),
            new Column("longest_stall_seconds", stability(Stability::longestStallSeconds)),
            new Column("warmup_endpoint", warmUp(WarmUp::endpoint)),
            new Column("warmup_users", warmUp(WarmUp::users)),
            new Column("warmup_settled", warmUp(WarmUp::settled)),
            new Column("warmup_seconds", warmUp(WarmUp::seconds)),
            new Column("warmup_requests", warmUp(WarmUp::requests)),
            new Column("warmup_since_start_seconds", warmUp(WarmUp::sinceStartSeconds)),
            new Column("warmup_verdict", warmUp(WarmUp::verdict)),
            new Column("warmup_jvm_start_epoch_ms", warmUp(WarmUp::jvmStartEpochMs)),
            new Column("warmup_start_epoch_second", warmUp(WarmUp::startEpochSecond)),
            new Column("warmup_jit_unread", warmUp(WarmUp::jitUnread)),
            new Column("startup_processes", startup(Startup::processes)),
            new Column("startup_first_answer_seconds", startup(Startup::firstAnswerSeconds)),
            new Column("startup_first_answer_seconds_sum", startup(Startup::firstAnswerSecondsSum)),
            new Column("startup_rss_bytes_at_first_answer", startup(Startup::rssBytesAtFirstAnswer)),
            new Column("heap_used_after_gc_bytes", footprint(Footprint::heapUsedAfterGcBytes)),
            new Column("heap_committed_bytes", footprint(Footprint::heapCommittedBytes)),
            new Column("non_heap_used_bytes", footprint(Footprint::nonHeapUsedBytes)),
            new Column("non_heap_committed_bytes", footprint(Footprint::nonHeapCommittedBytes)),
            new Column("live_threads", footprint(Footprint::liveThreads)),
            new Column("calibration_ops_per_second", PointResult::calibrationOpsPerSecond),
            new Column("injector_ceiling_rps", PointResult::injectorCeilingRps),
            new Column("start_epoch_second", r -> r.series() == null ? null : r.series().startEpochSecond()),
            new Column("open_offered_rps", open(OpenLoad::offeredRps)),
            new Column("open_capacity_rps", open(OpenLoad::capacityRps)),
            new Column("open_connections", open(OpenLoad::connections)),
            new Column("open_connections_used", open(OpenLoad::connectionsUsed)),
            new Column("open_scheduled_requests", open(OpenLoad::scheduledRequests)),
            new Column("open_late_requests", open(OpenLoad::lateRequests)),
            new Column("open_max_late_us", open(OpenLoad::maxLateMicros)),
            new Column("open_queued_requests", open(OpenLoad::queuedRequests)),
            new Column("open_late_threshold_us", open(OpenLoad::lateThresholdMicros)),
            new Column("open_intended_latency_count", intended(LatencySummary::count)),
            new Column("open_intended_latency_mean_us", intended(LatencySummary::meanMicros)),
            new Column("open_intended_latency_p50_us", intended(LatencySummary::p50Micros)),
            new Column("open_intended_latency_p90_us", intended(LatencySummary::p90Micros)),
            new Column("open_intended_latency_p99_us", intended(LatencySummary::p99Micros)),
            new Column("open_intended_latency_p999_us", intended(LatencySummary::p999Micros)),
            new Column("open_intended_latency_max_us", intended(LatencySummary::maxMicros)),
            new Column("open_intended_latency_resolution", intended(LatencySummary::resolution)),
            new Column("client_requests", counts(Reconciliation::clientRequests)),
            new Column("server_requests", counts(Reconciliation::serverRequests)),
            new Column("count_difference_ratio", counts(Reconciliation::differenceRatio)),
            new Column("flags", r -> r.flags().stream().map(f -> f.code().name()).collect(Collectors.joining(";"))),
            new Column("flag_reasons", r -> r.flags().stream().map(Flag::reason).collect(Collectors.joining(" | "))),
            new Column("gatling_report", r -> file(r, "gatlingReport")),
            new Column("samples", r -> file(r, "samples")),
            new Column("server_log", r -> file(r, "serverLog")),
            new Column("flame_graphs", r -> FlameGraphs.of(r).stream().map(FlameGraphs.Link::path)
                    .collect(Collectors.joining(";"))))).flatMap(List::stream).toList();

    @Override
    public String fileName() {
        return FILE;
    }

    static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    @Override
    public Path write(SweepResults run, Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columnNames())).append('\n');
        for (PointResult point : run.points()) {
            out.append(COLUMNS.stream().map(c -> cell(c.value().apply(point))).collect(Collectors.joining(",")))
                    .append('\n');
        }
        Path file = dir.resolve(FILE);
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static String cell(Object value) {
        String text = switch (value) {
            case null -> "";
            case Double d -> Units.plain(d);
            case Instant i -> i.toString();
            default -> value.toString();
        };
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String errors(Map<String, Long> errors) {
        if (errors == null) {
            return null;
        }
        return errors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String file(PointResult r, String name) {
        return r.files() == null ? null : r.files().get(name);
    }

    private static Function<PointResult, Object> throughput(Function<Throughput, Object> f) {
        return r -> r.throughput() == null ? null : f.apply(r.throughput());
    }

    private static Function<PointResult, Object> latency(Function<LatencySummary, Object> f) {
        return r -> r.latency() == null ? null : f.apply(r.latency());
    }

    private static Function<PointResult, Object> resources(Function<ResourceUsage, Object> f) {
        return r -> r.resources() == null ? null : f.apply(r.resources());
    }

    private static Function<PointResult, Object> stability(Function<Stability, Object> f) {
        return r -> r.stability() == null ? null : f.apply(r.stability());
    }

    private static Function<PointResult, Object> warmUp(Function<WarmUp, Object> f) {
        return r -> r.warmUp() == null ? null : f.apply(r.warmUp());
    }

    private static Function<PointResult, Object> startup(Function<Startup, Object> f) {
        return r -> r.startup() == null ? null : f.apply(r.startup());
    }

    private static Function<PointResult, Object> footprint(Function<Footprint, Object> f) {
        return r -> r.footprint() == null ? null : f.apply(r.footprint());
    }

    private static Function<PointResult, Object> open(Function<OpenLoad, Object> f) {
        return r -> r.open() == null ? null : f.apply(r.open());
    }

    private static Function<PointResult, Object> intended(Function<LatencySummary, Object> f) {
        return r -> r.open() == null || r.open().intendedLatency() == null ? null : f.apply(r.open().intendedLatency());
    }

    /**
     * A column per tuning knob, in the table's order ({@code settings.Knob}); a knob at its default is
     * empty (the engine's, not known) or the apps' known default (the extra CPU's 0).
     */
    private static List<Column> tuningColumns() {
        return Knob.tunings().stream().map(knob -> new Column(knob.tunable().column(),
                r -> knob.tunable().values().orDefault(r.key().configuration().tuning().get(knob)))).toList();
    }

    private static Function<PointResult, Object> counts(Function<Reconciliation, Object> f) {
        return r -> r.counts() == null ? null : f.apply(r.counts());
    }
}
