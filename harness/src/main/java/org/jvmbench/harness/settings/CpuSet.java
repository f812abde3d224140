package org.jvmbench.harness.settings;

import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A set of CPU numbers as {@code taskset -c} takes them: {@code 0}, {@code 0-1}, {@code 0,2-3}. */
public record CpuSet(List<Integer> cpus) {

    /**
     * The most CPUs a Linux kernel supports ({@code CONFIG_NR_CPUS} at most 8192): a list
     * read without a machine to check against is held to this, so {@code 0-2147483646} is
     * refused before it is expanded.
     */
    public static final int LINUX_MAX_CPUS = 8192;

    public CpuSet {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("empty CPU set");
        }
        cpus = List.copyOf(new TreeSet<>(cpus));
    }

    /** Reads a list without a machine to check against, held to {@link #LINUX_MAX_CPUS}. */
    public static CpuSet parse(String text) {
        return parse(text, LINUX_MAX_CPUS, c -> "CPU " + c + " is beyond the " + LINUX_MAX_CPUS + " CPUs Linux supports");
    }

    /**
     * Reads a list and checks it against a machine of {@code machineCpus} CPUs while reading:
     * a range is checked before it is expanded.
     */
    public static CpuSet parse(String text, int machineCpus) {
        return parse(text, machineCpus, c -> doesNotExist(c, machineCpus));
    }

    private static CpuSet parse(String text, int limit, IntFunction<String> beyond) {
        TreeSet<Integer> cpus = new TreeSet<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CPU list");
        }
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash > 0 ? p.substring(0, dash) : p);
                int to = dash > 0 ? Integer.parseInt(p.substring(dash + 1)) : from;
                if (from < 0) {
                    throw new IllegalArgumentException("bad CPU list '" + text + "'");
                }
                if (from > to) {
                    throw new IllegalArgumentException("bad CPU range '" + p + "' in '" + text + "'");
                }
                if (to >= limit) {
                    throw new IllegalArgumentException(beyond.apply(Math.max(from, limit)));
                }
                for (int c = from; c <= to; c++) {
                    cpus.add(c);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU list '" + text + "' (expected e.g. 0 or 0-1 or 0,2)");
            }
        }
        return new CpuSet(List.copyOf(cpus));
    }

    /** All CPUs of this machine: 0 .. n-1. */
    public static CpuSet all(int count) {
        return new CpuSet(IntStream.range(0, count).boxed().toList());
    }

    public int size() {
        return cpus.size();
    }

    /** Fails with one clear sentence if this set names a CPU the machine does not have. */
    public CpuSet requireWithin(int machineCpus) {
        for (int c : cpus) {
            if (c >= machineCpus) {
                throw new IllegalArgumentException(doesNotExist(c, machineCpus));
            }
        }
        return this;
    }

    private static String doesNotExist(int cpu, int machineCpus) {
        return "CPU " + cpu + " does not exist: this machine has CPUs 0-" + (machineCpus - 1);
    }

    /** The {@code taskset -c} form. */
    @Override
    public String toString() {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
