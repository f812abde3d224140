package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Footprint;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.sampling.Sample;
import org.jvmbench.harness.sampling.Sampler;
import org.jvmbench.harness.sampling.SamplesCsv;
import org.jvmbench.harness.sampling.WindowUsage;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerReading;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.harness.trust.Evidence;
import org.jvmbench.harness.trust.FatalLines;
import org.jvmbench.harness.trust.FlagRules;
import org.jvmbench.harness.trust.SplitLoadRule;
import org.jvmbench.harness.trust.Stalls;
import org.jvmbench.harness.trust.Steadiness;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Measures one point on a warm server: the server's counters before, the injector's phase,
 * the counters after, the samples of the window, and what they add up to. Everything a point
 * is judged by is recorded with it: its own steadiness, the warm-up before it, the footprint
 * and the flags.
 */
final class PointMeasurement {

    private final Injector injector;
    private final RunningServer server;
    private final Sampler sampler;
    private final RunFolder folder;
    private final Sweep sweep;
    private final Duration deadlineSlack;
    private final Double calibration;
    private final PointProfiling profiling;
    private final boolean gatlingReport;

    PointMeasurement(Injector injector, RunningServer server, Sampler sampler, RunFolder folder, Sweep sweep,
                     Duration deadlineSlack, Double calibration, PointProfiling profiling) {
        this(injector, server, sampler, folder, sweep, deadlineSlack, calibration, profiling, true);
    }

    /** @param gatlingReport whether the injector writes Gatling's HTML report of each point (not for paired slices) */
    PointMeasurement(Injector injector, RunningServer server, Sampler sampler, RunFolder folder, Sweep sweep,
                     Duration deadlineSlack, Double calibration, PointProfiling profiling, boolean gatlingReport) {
        this.injector = injector;
        this.server = server;
        this.sampler = sampler;
        this.folder = folder;
        this.sweep = sweep;
        this.deadlineSlack = deadlineSlack;
        this.calibration = calibration;
        this.profiling = profiling;
        this.gatlingReport = gatlingReport;
    }

    /** @param capacity the endpoint's capacity probe in this fork, which a share of capacity is taken of; null when none ran */
    PointResult measure(LoadPoint point, WarmUp warmUp, Startup startup, Double injectorCeilingRps, CapacityProbe capacity)
            throws IOException, InterruptedException {
        RunFolder.PointFiles files = folder.point(point.id()).reset();
        Instant start = Instant.now();
        long beforeFromMs = System.currentTimeMillis();
        List<ServerReading> before = readings(point.endpoint());
        CounterWatch.Reading beforeCounters = CounterWatch.Reading.of((beforeFromMs + System.currentTimeMillis()) / 2, before);
        Map<Path, Long> logOffsets = logSizes();
        PhaseCommand command = PointLoad.command(point, capacity, urls(), sweep, files, gatlingReport);
        PointProfiling.Window profiled = profiling.start(server, files);
        CounterWatch watch = CounterWatch.start(() -> server.readings(List.of(), Defaults.COUNTERS_TIMEOUT), Defaults.COUNTERS_PERIOD,
                System::currentTimeMillis);
        List<CounterWatch.Reading> counters = new ArrayList<>();
        PhaseResult phase;
        try {
            phase = injector.run(command, sweep.duration().plus(sweep.requestTimeout()).plus(deadlineSlack));
        } catch (InjectorHungException e) {
            // an injector that could not write its result is the harness's failure, not the server's
            folder.requireWritable();
            boolean died = !server.alive();
            return notMeasured(point, died ? Flag.Code.SERVER_DIED : Flag.Code.SERVER_HUNG,
                    died ? "the server died during the point" : "the point passed its deadline: " + e.getMessage(), warmUp, startup);
        } finally {
            profiled.stop();
            counters.addAll(watch.stop(Defaults.COUNTERS_TIMEOUT));
        }
        boolean died = !server.alive();
        long afterFromMs = System.currentTimeMillis();
        List<ServerReading> after = died ? List.of() : readings(point.endpoint());
        counters.add(CounterWatch.Reading.of((afterFromMs + System.currentTimeMillis()) / 2, after));
        counters.add(beforeCounters);
        counters.removeIf(java.util.Objects::isNull);
        Instant end = Instant.now();

        Throughput throughput = Throughput.of(phase.requests(), phase.ok(), phase.ko(), phase.errors(), phase.windowSeconds());
        List<Sample> samples = sampler.snapshot();
        WindowUsage usage = WindowUsage.of(samples, phase.windowStartEpochMs(), phase.windowEndEpochMs(),
                sweep.cpus().server(), sweep.cpus().injector());
        SamplesCsv.write(files.samples(), samples, phase.windowStartEpochMs() - 2000, phase.windowEndEpochMs() + 2000);
        FullSeconds full = FullSeconds.of(phase);
        Series series = usage.series(full.firstEpochSecond(), full.asDoubles());
        Stability stability = stability(full, CounterWatch.between(counters, phase.windowStartEpochMs(), phase.windowEndEpochMs()));
        // a server that cannot count (a jar without Actuator's http.server.requests) has no counts, and the point says why
        OptionalLong served = ServerReading.servedBetween(before, after, point.endpoint());
        Reconciliation counts = served.isEmpty() ? null : new Reconciliation(phase.requests(), served.getAsLong());
        List<String> notes = counts != null ? null : Stream.ofNullable(ServerReading.why(before, after, point.endpoint())).toList();
        String hung = Stalls.hungReason(phase.requests(), phase.ok(), phase.ko(), phase.errors(), full.counts(), sweep.requestTimeout());
        if (phase.error() != null && hung == null) {
            hung = "the load run failed: " + phase.error();
        }
        OpenLoad open = PointLoad.open(point, capacity, phase);
        Evidence evidence = Evidence.builder().throughput(throughput).resources(usage.resources()).series(series)
                .counts(counts).serverDied(died || !usage.goneServerPids().isEmpty()).hungReason(hung)
                .stability(stability).warmUp(warmUp).fatalLogLines(fatalLines(logOffsets))
                .injectorCeilingRps(injectorCeilingRps).open(open).build();

        Map<String, String> links = new HashMap<>();
        if (phase.reportDir() != null) {
            links.put("gatlingReport", folder.relative(Path.of(phase.reportDir()).resolve("index.html")));
        }
        links.put("samples", folder.relative(files.samples()));
        links.put("gatlingLog", folder.relative(files.gatlingLog()));
        links.put("serverLog", folder.relative(server.instances().getFirst().log()));
        links.putAll(profiled.files(folder));
        return profiled.flag(PointResult.builder(point.id(), point.key(), point.repetition())
                .window(start, end)
                .throughput(throughput)
                .latency(phase.histogramMicros() == null ? null : Latencies.summarize(Histograms.decode(phase.histogramMicros())))
                .resources(usage.resources())
                .counts(counts)
                .flags(SplitLoadRule.withFlags(FlagRules.evaluate(evidence), injector.lastShares(), sweep.duration()))
                .series(series)
                .histogram(phase.histogramMicros())
                .files(links)
                .stability(stability)
                .warmUp(warmUp)
                .startup(startup)
                .footprint(footprint(after))
                .calibrationOpsPerSecond(calibration)
                .injectorCeilingRps(injectorCeilingRps)
                .open(open)
                .notes(notes)
                .injectors(injector.lastShares())
                .build());
    }

    /** A point that could not be measured: only why, and the warm-up it had. */
    PointResult notMeasured(LoadPoint point, Flag.Code code, String reason, WarmUp warmUp, Startup startup) {
        return notMeasured(point, code, reason, warmUp, startup, folder, server.instances().getFirst().log(), calibration);
    }

    /** A point that could not be measured, linked to the server log that may say why. */
    static PointResult notMeasured(LoadPoint point, Flag.Code code, String reason, WarmUp warmUp, Startup startup,
                                   RunFolder folder, Path serverLog, Double calibration) {
        Map<String, String> links = new HashMap<>();
        if (Files.exists(serverLog)) {
            links.put("serverLog", folder.relative(serverLog));
        }
        Instant now = Instant.now();
        return PointResult.builder(point.id(), point.key(), point.repetition())
                .window(now, now)
                .throughput(Throughput.of(0, 0, 0, Map.of(), 0))
                .flags(List.of(new Flag(code, reason)))
                .files(links)
                .warmUp(warmUp)
                .startup(startup)
                .calibrationOpsPerSecond(calibration)
                .build();
    }

    /** The window's own steadiness, and what the server's JIT and collectors did between the readings at its edges. */
    static Stability stability(FullSeconds full, CounterWatch.Span counters) {
        Steadiness shape = Steadiness.of(full.counts());
        Stalls stalls = Stalls.of(full.counts());
        return counters == null
                ? new Stability(shape.seconds(), shape.cv(), shape.trend(), -1, 0, 0, stalls.stalledSeconds(), stalls.longest(), null)
                : new Stability(shape.seconds(), shape.cv(), shape.trend(), counters.jitMs(), counters.gcMs(), counters.gcCount(),
                        stalls.stalledSeconds(), stalls.longest(), counters.seconds());
    }

    private static Footprint footprint(List<ServerReading> after) {
        // a jar read through Actuator has no heap-after-GC figure: no footprint rather than a partial one
        if (after.isEmpty() || after.stream().anyMatch(i -> i.counters() == null || i.counters().memory() == null)) {
            return null;
        }
        long afterGc = 0, committed = 0, nonHeapUsed = 0, nonHeapCommitted = 0;
        int threads = 0;
        for (ServerReading info : after) {
            var m = info.counters().memory();
            afterGc += m.heapUsedAfterGcBytes();
            committed += m.heapCommittedBytes();
            nonHeapUsed += m.nonHeapUsedBytes();
            nonHeapCommitted += m.nonHeapCommittedBytes();
            threads += info.counters().threads();
        }
        return new Footprint(afterGc, committed, nonHeapUsed, nonHeapCommitted, threads);
    }

    /** A reading of every process, or nothing when one does not answer (the point then has no counts). */
    private List<ServerReading> readings(String endpoint) throws InterruptedException {
        try {
            return server.readings(List.of(endpoint), Duration.ofSeconds(5));
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> urls() {
        return server.urls().stream().map(Object::toString).toList();
    }

    private Map<Path, Long> logSizes() {
        Map<Path, Long> sizes = new HashMap<>();
        for (RunningServer.Instance instance : server.instances()) {
            try {
                sizes.put(instance.log(), Files.size(instance.log()));
            } catch (IOException e) {
                sizes.put(instance.log(), 0L);
            }
        }
        return sizes;
    }

    /** The fatal lines the server logs gained since {@code offsets}. */
    private static List<String> fatalLines(Map<Path, Long> offsets) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Path, Long> log : offsets.entrySet()) {
            try (RandomAccessFile file = new RandomAccessFile(log.getKey().toFile(), "r")) {
                long from = Math.min(log.getValue(), file.length());
                long length = Math.min(file.length() - from, 16L << 20);
                byte[] bytes = new byte[(int) length];
                file.seek(from);
                file.readFully(bytes);
                lines.addAll(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                // a log that cannot be read has nothing to say here
            }
        }
        return FatalLines.in(lines);
    }
}
