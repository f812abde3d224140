package org.jvmbench.harness.sampling;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the raw samples of a window as {@code samples.csv} in a point's folder, so any figure
 * of the result can be recomputed. Counters are written raw and cumulative; the last three
 * columns are the per-interval cores {@link WindowUsage} derived from them (empty on the first
 * row). A cell is empty where a process was not alive.
 * <p>
 * Columns: {@code epochMs, elapsedMs, machine.busyNanos, cpu<N>.busyNanos...,
 * server.<pid>.cpuNanos|rssBytes|pssBytes|threads..., injector.<pid>.cpuNanos|rssBytes,
 * serverCpuCores, injectorCpuCores, otherCpuCores}.
 */
public final class SamplesCsv {

    private SamplesCsv() {
    }

    /** Writes the samples {@link WindowUsage#of} would use for the window. */
    public static void write(Path file, List<Sample> samples, long startEpochMs, long endEpochMs) throws IOException {
        write(file, WindowSelection.of(samples, startEpochMs, endEpochMs).samples());
    }

    /** Writes all the given samples. */
    public static void write(Path file, List<Sample> samples) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, samples);
        }
    }

    static void write(Writer out, List<Sample> samples) throws IOException {
        Set<Long> servers = new LinkedHashSet<>();
        Set<Long> injectors = new LinkedHashSet<>();
        int cpus = 0;
        for (Sample s : samples) {
            servers.addAll(s.targets().serverPids());
            if (s.targets().injectorPid() != null) {
                injectors.add(s.targets().injectorPid());
            }
            cpus = Math.max(cpus, s.machine().cpus());
        }

        List<String> header = new ArrayList<>(List.of("epochMs", "elapsedMs", "machine.busyNanos"));
        for (int cpu = 0; cpu < cpus; cpu++) {
            header.add("cpu" + cpu + ".busyNanos");
        }
        for (long pid : servers) {
            for (String column : List.of("cpuNanos", "rssBytes", "pssBytes", "threads")) {
                header.add("server." + pid + "." + column);
            }
        }
        for (long pid : injectors) {
            header.add("injector." + pid + ".cpuNanos");
            header.add("injector." + pid + ".rssBytes");
        }
        header.addAll(List.of("serverCpuCores", "injectorCpuCores", "otherCpuCores"));
        line(out, header);

        Sample previous = null;
        for (Sample s : samples) {
            List<String> row = new ArrayList<>();
            row.add(Long.toString(s.epochMs()));
            row.add(Long.toString((s.monotonicNanos() - samples.getFirst().monotonicNanos()) / 1_000_000));
            row.add(Long.toString(s.machine().busyNanos()));
            for (int cpu = 0; cpu < cpus; cpu++) {
                row.add(cpu < s.machine().cpus() ? Long.toString(s.machine().perCpuBusyNanos().get(cpu)) : "");
            }
            for (long pid : servers) {
                ProcessReading r = s.targets().serverPids().contains(pid) ? s.processes().get(pid) : null;
                row.add(r == null ? "" : Long.toString(r.cpuNanos()));
                row.add(r == null ? "" : Long.toString(r.rssBytes()));
                row.add(r == null || r.pssBytes() == null ? "" : Long.toString(r.pssBytes()));
                row.add(r == null ? "" : Integer.toString(r.threads()));
            }
            for (long pid : injectors) {
                ProcessReading r = Long.valueOf(pid).equals(s.targets().injectorPid()) ? s.processes().get(pid) : null;
                row.add(r == null ? "" : Long.toString(r.cpuNanos()));
                row.add(r == null ? "" : Long.toString(r.rssBytes()));
            }
            if (previous == null) {
                row.addAll(List.of("", "", ""));
            } else {
                Interval interval = Interval.between(previous, s);
                row.add(cores(interval.serverCores()));
                row.add(cores(interval.injectorCores()));
                row.add(cores(interval.otherCores()));
            }
            line(out, row);
            previous = s;
        }
    }

    private static String cores(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write('\n');
    }
}
