package org.jvmbench.harness.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;

/**
 * The machine under the sweep, as numbers: a fixed CPU calibration on the server's CPUs at the
 * start and the end (a slower or busier machine shows as a drift, not as a slower framework),
 * and what other processes and the hypervisor took on each CPU set during the points.
 *
 * @param calibrations every calibration {@code environment.json} holds, in order ({@code start}, {@code end}, ...)
 * @param drift        the last calibration against the first, as a ratio − 1; null with fewer than two
 * @param workload     what the calibration runs
 * @param calibrationCpus where it ran pinned, null when unpinned or not recorded
 * @param calibrationHost the machine it ran on when that is not the machine {@code environment.json}
 *                        describes (the coordinator): the server's host on several hosts; null when
 *                        it is that machine or not recorded
 * @param cpuSets      the server's and the injector's CPUs (or, for results without them, the whole machine)
 * @param flaggedRepetitions repetitions flagged {@code NOISY_NEIGHBOUR} or {@code CPU_STEAL}
 * @param timeSpent    where the sweep's wall time went and how far its ETA was off, in words; null when not recorded
 *                     (sweeps before it was, and one still running)
 * @param ceilingSource where the injector's ceilings came from: measured in this sweep or cached, and why; null when
 *                     not recorded
 */
record MachineSummary(List<Calibration> calibrations, Double drift, String workload, String calibrationCpus,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String calibrationHost,
                      List<CpuSetLoad> cpuSets, int flaggedRepetitions, int repetitions,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String timeSpent,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String ceilingSource) {

    /** @param opsPerSecond null when it could not run */
    record Calibration(String when, Double opsPerSecond, Double spread) {
    }

    /**
     * Over the measured repetitions.
     *
     * @param otherCores other processes' mean cores on this set, median (min–max) of the repetitions
     * @param otherPeak  the highest one-second value of any repetition
     * @param stealCores mean steal on this set, median (min–max) of the repetitions; null where not recorded
     */
    record CpuSetLoad(String name, Spread otherCores, Double otherPeak, Spread stealCores) {
    }

    static MachineSummary of(SweepResults run) {
        List<Calibration> calibrations = new ArrayList<>();
        String workload = null;
        String cpus = null;
        String host = null;
        JsonNode node = run.environment().get("calibration");
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode figure = e.getValue();
                calibrations.add(new Calibration(e.getKey(), number(figure.get("opsPerSecond")), number(figure.get("spread"))));
                workload = workload != null ? workload : RunDescription.text(figure.get("workload"));
                cpus = cpus != null ? cpus : RunDescription.text(figure.get("cpus"));
                host = host != null ? host : RunDescription.text(figure.get("host"));
            }
        }
        // an unpinned calibration was once written as the text "null"
        cpus = "null".equals(cpus) ? null : cpus;
        host = host != null && host.equals(RunDescription.text(run.environment().get("host"))) ? null : host;
        if (calibrations.isEmpty()) {
            // results carry the start figure even where environment.json lost it
            run.points().stream().map(PointResult::calibrationOpsPerSecond).filter(v -> v != null).findFirst()
                    .ifPresent(v -> calibrations.add(new Calibration("start", v, null)));
        }
        Double drift = null;
        if (calibrations.size() >= 2) {
            Double first = calibrations.getFirst().opsPerSecond();
            Double last = calibrations.getLast().opsPerSecond();
            drift = first == null || last == null || first == 0 ? null : last / first - 1;
        }
        List<PointResult> measured = run.points().stream().filter(PointResult::measured)
                .filter(p -> p.resources() != null).toList();
        List<CpuSetLoad> sets = new ArrayList<>();
        boolean perSet = measured.stream().anyMatch(p -> p.resources().serverCpusOther() != null);
        if (perSet) {
            sets.add(load("server's CPUs" + cpuList(run, true), measured, ResourceUsage::serverCpusOther,
                    ResourceUsage::serverCpusOtherPeak, ResourceUsage::serverCpusSteal));
            sets.add(load("injector's CPUs" + cpuList(run, false), measured, ResourceUsage::injectorCpusOther,
                    ResourceUsage::injectorCpusOtherPeak, ResourceUsage::injectorCpusSteal));
        } else if (!measured.isEmpty()) {
            sets.add(load("whole machine", measured, ResourceUsage::otherCpuCores, ResourceUsage::otherCpuCoresPeak, r -> null));
        }
        int flagged = (int) run.points().stream().filter(p -> p.flags() != null && p.flags().stream()
                .anyMatch(f -> f.code() == Flag.Code.NOISY_NEIGHBOUR || f.code() == Flag.Code.CPU_STEAL)).count();
        return new MachineSummary(calibrations, drift, workload, cpus, host, sets, flagged, run.points().size(),
                timeSpent(run.environment().get("timeSpent")), RunDescription.text(run.environment().get("injectorCeilingSource")));
    }

    /** {@link TimeSpentText} of {@code environment.json}'s {@code timeSpent}; null without it. */
    static String timeSpent(JsonNode seconds) {
        if (seconds == null || !seconds.isObject() || number(seconds.get("wall")) == null) {
            return null;
        }
        Map<String, Double> bySeconds = new java.util.LinkedHashMap<>();
        seconds.fields().forEachRemaining(e -> {
            if (number(e.getValue()) != null) {
                bySeconds.put(e.getKey(), number(e.getValue()));
            }
        });
        return TimeSpentText.of(bySeconds);
    }

    private static String cpuList(SweepResults run, boolean server) {
        if (run.sweep() == null || run.sweep().cpus() == null) {
            return "";
        }
        return " (" + (server ? run.sweep().cpus().server() : run.sweep().cpus().injector()) + ")";
    }

    private static CpuSetLoad load(String name, List<PointResult> repetitions, Function<ResourceUsage, Double> other,
                                   Function<ResourceUsage, Double> peak, Function<ResourceUsage, Double> steal) {
        Spread peaks = Spread.of(repetitions.stream().map(p -> peak.apply(p.resources())).toList());
        return new CpuSetLoad(name, Spread.of(repetitions.stream().map(p -> other.apply(p.resources())).toList()),
                peaks == null ? null : peaks.max(), Spread.of(repetitions.stream().map(p -> steal.apply(p.resources())).toList()));
    }

    private static Double number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asDouble();
    }
}
