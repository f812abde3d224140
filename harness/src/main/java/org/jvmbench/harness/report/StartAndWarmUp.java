package org.jvmbench.harness.report;

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

/**
 * What a configuration costs before it serves at its peak (issue 11), per configuration over
 * its forks: launch to the first answered request and the memory then (for several processes
 * the slowest and the sum, since they start on the same CPUs), and per endpoint the warm-up
 * until throughput settled, whose end since the JVM's start is the time to peak. From the
 * warm-ups' own seconds (kept in each point's {@link WarmUp}) it also carries throughput
 * against time since start, fork by fork.
 *
 * @param configurations in table order
 * @param traces         one per fork and endpoint whose warm-up seconds were kept
 */
record StartAndWarmUp(List<ConfigurationStart> configurations, List<WarmUpTrace> traces) {

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
     */
    record WarmUpTrace(String config, int repetition, String endpoint, boolean sinceStart, List<Double> seconds,
                       List<Long> rps) {
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
        for (ConfigurationKey c : order) {
            for (List<PointResult> fork : forks.get(c).values()) {
                Set<String> warmed = new LinkedHashSet<>();
                for (PointResult p : fork) {
                    WarmUp w = p.warmUp();
                    if (w != null && w.rps() != null && w.startEpochSecond() != null && warmed.add(w.endpoint())) {
                        traces.add(trace(c.label(), p.repetition(), w));
                    }
                }
            }
        }
        return new StartAndWarmUp(configurations, traces);
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

    private static WarmUpTrace trace(String config, int repetition, WarmUp w) {
        boolean sinceStart = w.jvmStartEpochMs() != null;
        double originSeconds = sinceStart ? w.jvmStartEpochMs() / 1000.0 : w.startEpochSecond();
        List<Double> seconds = new ArrayList<>();
        List<Long> rps = new ArrayList<>();
        for (int k = 0; k < w.rps().size(); k++) {
            // a second no slice covered whole stays a gap in the line rather than a dip to zero
            if (w.rps().get(k) != null) {
                seconds.add(round1(w.startEpochSecond() + k + 0.5 - originSeconds));
                rps.add(w.rps().get(k));
            }
        }
        return new WarmUpTrace(config, repetition, w.endpoint(), sinceStart, seconds, rps);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
