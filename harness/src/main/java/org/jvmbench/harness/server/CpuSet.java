package org.jvmbench.harness.server;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A set of CPU numbers as {@code taskset -c} takes them: {@code 0}, {@code 0-1}, {@code 0,2-3}. */
public record CpuSet(List<Integer> cpus) {

    public CpuSet {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("empty CPU set");
        }
        cpus = List.copyOf(new TreeSet<>(cpus));
    }

    public static CpuSet parse(String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CPU list");
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash));
                    int to = Integer.parseInt(p.substring(dash + 1));
                    if (from > to) {
                        throw new IllegalArgumentException("bad CPU range '" + p + "' in '" + text + "'");
                    }
                    for (int c = from; c <= to; c++) {
                        cpus.add(c);
                    }
                } else {
                    cpus.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU list '" + text + "' (expected e.g. 0 or 0-1 or 0,2)");
            }
        }
        if (cpus.first() < 0) {
            throw new IllegalArgumentException("bad CPU list '" + text + "'");
        }
        return new CpuSet(List.copyOf(cpus));
    }

    /** All CPUs of this machine: 0 .. n-1. */
    public static CpuSet all(int count) {
        return new CpuSet(java.util.stream.IntStream.range(0, count).boxed().toList());
    }

    public int size() {
        return cpus.size();
    }

    /** Fails with one clear sentence if this set names a CPU the machine does not have. */
    public CpuSet requireWithin(int machineCpus) {
        for (int c : cpus) {
            if (c >= machineCpus) {
                throw new IllegalArgumentException("CPU " + c + " does not exist: this machine has CPUs 0-" + (machineCpus - 1));
            }
        }
        return this;
    }

    /** The {@code taskset -c} form. */
    @Override
    public String toString() {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
