package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.result.WarmUpSeries;

/**
 * What a configuration costs before it serves at its peak (issue 11), per configuration over
 * its forks: launch to the first answered request and the memory then (for several processes
 * the slowest and the sum, since they start on the same CPUs), and per endpoint the warm-up
 * until throughput settled, whose end since the JVM's start is the time to peak. With the
 * warm-ups' own seconds ({@link WarmUpSeries}, linked from the points) it also carries
 * throughput against time since start, fork by fork.
 *
 * @param configurations in table order
 * @param traces         one per fork and endpoint whose warm-up seconds were kept
 * @param missingTraces  warm-up files the points link that are not in the folder
 */
record StartAndWarmUp(List<ConfigurationStart> configurations, List<WarmUpTrace> traces, List<String> missingTraces) {

    /**
     * @param forks               forks of this configuration (one per repetition)
     * @param firstAnswerSeconds  launch to the first answer, the slowest process, over the forks
     * @param firstAnswerSecondsSum the same summed over the processes
     * @param rssBytesAtFirstAnswer resident memory of all processes then
     * @param timeToPeakSeconds   JVM start to the end of the fork's first warm-up, over the forks
     * @param endpoints           the warm-up of each endpoint, in the order they were warmed
     */
    record ConfigurationStart(String config, int processes, int forks, Spread firstAnswerSeconds,
                              Spread firstAnswerSecondsSum, Spread rssBytesAtFirstAnswer, Spread timeToPeakSeconds,
                              List<EndpointWarmUp> endpoints) {

        boolean recorded() {
            return firstAnswerSeconds != null || !endpoints.isEmpty();
        }
    }

    record EndpointWarmUp(String endpoint, WarmUpFigures figures) {
    }

    /**
     * Requests per second of one warm-up against seconds since the fork's JVM started (or, when
     * the start is unknown, since the warm-up's first second).
     *
     * @param sinceStart      whether x counts from the JVM's start
     * @param seconds         x of each second: its middle
     * @param rps             requests completed in that second
     * @param jitSeconds      x of each JIT reading
     * @param jitMs           compilation time then, cumulative, summed over the JVMs
     */
    record WarmUpTrace(String config, int repetition, String endpoint, boolean sinceStart, List<Double> seconds,
                       List<Long> rps, List<Double> jitSeconds, List<Long> jitMs) {
    }

    static StartAndWarmUp of(SweepResults run) {
        Map<ConfigurationKey, PointKey> firstKey = new LinkedHashMap<>();
        Map<ConfigurationKey, Map<Integer, List<PointResult>>> forks = new LinkedHashMap<>();
        for (PointResult p : run.points()) {
            ConfigurationKey c = p.key().configuration();
            firstKey.putIfAbsent(c, p.key());
            forks.computeIfAbsent(c, k -> new LinkedHashMap<>()).computeIfAbsent(p.repetition(), r -> new ArrayList<>()).add(p);
        }
        List<ConfigurationKey> order = new ArrayList<>(firstKey.keySet());
        order.sort(Comparator.comparing(firstKey::get, PointGroup.ORDER));
        List<ConfigurationStart> configurations = new ArrayList<>();
        for (ConfigurationKey c : order) {
            configurations.add(configuration(c, forks.get(c)));
        }
        List<WarmUpTrace> traces = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigurationKey c : order) {
            for (List<PointResult> fork : forks.get(c).values()) {
                for (PointResult p : fork) {
                    String path = p.files() == null ? null : p.files().get(WarmUpSeries.FILE_KEY);
                    if (path == null || !seen.add(path)) {
                        continue;
                    }
                    Path file = run.dir().resolve(path);
                    if (!Files.isRegularFile(file)) {
                        missing.add(path);
                        continue;
                    }
                    try {
                        traces.add(trace(c.label(), p.repetition(), WarmUpSeries.read(file)));
                    } catch (IOException e) {
                        missing.add(path + " (unreadable: " + e.getMessage() + ")");
                    }
                }
            }
        }
        return new StartAndWarmUp(configurations, traces, missing);
    }

    /** Whether any configuration recorded its start or a warm-up. */
    boolean recorded() {
        return configurations.stream().anyMatch(ConfigurationStart::recorded);
    }

    private static ConfigurationStart configuration(ConfigurationKey c, Map<Integer, List<PointResult>> forks) {
        List<Startup> startups = new ArrayList<>();
        Map<String, List<WarmUp>> warmUps = new LinkedHashMap<>();
        List<Double> timeToPeak = new ArrayList<>();
        for (List<PointResult> fork : forks.values()) {
            fork.stream().map(PointResult::startup).filter(s -> s != null).findFirst().ifPresent(startups::add);
            Map<String, WarmUp> byEndpoint = new LinkedHashMap<>();
            for (PointResult p : fork) {
                if (p.warmUp() != null) {
                    byEndpoint.putIfAbsent(p.warmUp().endpoint(), p.warmUp());
                }
            }
            byEndpoint.forEach((e, w) -> warmUps.computeIfAbsent(e, k -> new ArrayList<>()).add(w));
            byEndpoint.values().stream().mapToDouble(WarmUp::sinceStartSeconds).filter(v -> !Double.isNaN(v)).min()
                    .ifPresent(timeToPeak::add);
        }
        List<EndpointWarmUp> endpoints = new ArrayList<>();
        warmUps.forEach((e, w) -> endpoints.add(new EndpointWarmUp(e, WarmUpFigures.ofWarmUps(w))));
        return new ConfigurationStart(c.label(), c.processes(), forks.size(),
                Spread.of(startups.stream().map(s -> s.firstAnswerSeconds()).toList()),
                Spread.of(startups.stream().map(s -> s.firstAnswerSecondsSum()).toList()),
                Spread.of(startups.stream().map(s -> (double) s.rssBytesAtFirstAnswer()).toList()),
                Spread.of(timeToPeak), endpoints);
    }

    private static WarmUpTrace trace(String config, int repetition, WarmUpSeries series) {
        boolean sinceStart = series.serverStartEpochMs() != null;
        double originSeconds = sinceStart ? series.serverStartEpochMs() / 1000.0
                : series.seconds().isEmpty() ? 0 : series.seconds().getFirst().epochSecond();
        List<Double> seconds = new ArrayList<>();
        List<Long> rps = new ArrayList<>();
        for (WarmUpSeries.Second s : series.seconds()) {
            seconds.add(round1(s.epochSecond() + 0.5 - originSeconds));
            rps.add(s.completed());
        }
        List<Double> jitSeconds = new ArrayList<>();
        List<Long> jitMs = new ArrayList<>();
        for (WarmUpSeries.JitReading j : series.jit()) {
            if (j.compilationMs() >= 0) {
                jitSeconds.add(round1(j.epochMs() / 1000.0 - originSeconds));
                jitMs.add(j.compilationMs());
            }
        }
        return new WarmUpTrace(config, repetition, series.endpoint(), sinceStart, seconds, rps, jitSeconds, jitMs);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
