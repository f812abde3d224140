package org.jvmbench.harness.sampling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jvmbench.harness.settings.CpuSet;

/**
 * Reads a Linux {@code /proc} tree. The root is a parameter so tests point it at a folder of
 * fixture files laid out like {@code /proc}: {@code stat}, {@code <pid>/stat},
 * {@code <pid>/status}, {@code <pid>/smaps_rollup}.
 */
public final class LinuxProcReader implements ProcReader {

    private static final long BYTES_PER_KB = 1024;

    /** Fields after the command name in /proc/<pid>/stat, counted from the state (field 3) at index 0. */
    private static final int STAT_STATE = 0;
    private static final int STAT_UTIME = 11;
    private static final int STAT_STIME = 12;
    /** Column of steal time in a {@code cpuN} line of /proc/stat (after the label). */
    private static final int STEAL_COLUMN = 8;

    private final Path procRoot;
    private final long ticksPerSecond;

    /** The live machine, with the clock tick rate detected once. */
    public LinuxProcReader() {
        this(Path.of("/proc"), ClockTicks.perSecond());
    }

    public LinuxProcReader(Path procRoot, long ticksPerSecond) {
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("clock ticks per second must be positive, got " + ticksPerSecond);
        }
        this.procRoot = procRoot;
        this.ticksPerSecond = ticksPerSecond;
    }

    @Override
    public Optional<ProcessReading> process(long pid) {
        Path dir = procRoot.resolve(Long.toString(pid));
        String stat;
        String status;
        try {
            stat = read(dir.resolve("stat"));
            status = read(dir.resolve("status"));
        } catch (IOException e) {
            // NoSuchFileException once reaped; ESRCH if it exits between open and read
            return Optional.empty();
        }
        return processOf(pid, stat, status, smapsRollup(dir), ticksPerSecond);
    }

    @Override
    public MachineReading machine() {
        String stat;
        try {
            stat = read(procRoot.resolve("stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + procRoot.resolve("stat"), e);
        }
        return machineOf(stat, ticksPerSecond, procRoot.resolve("stat").toString());
    }

    /**
     * One process from the texts of its {@code stat}, {@code status} and {@code smaps_rollup}
     * (null when unreadable), wherever they were read: here, or on another host.
     */
    public static Optional<ProcessReading> processOf(long pid, String stat, String status, String smapsRollup, long ticksPerSecond) {
        String[] fields = fieldsAfterCommand(stat, pid);
        char state = fields[STAT_STATE].charAt(0);
        if (state == 'Z' || state == 'X') {
            // exited but not yet reaped by its parent: no memory, no threads, no more CPU
            return Optional.empty();
        }
        long ticks = Long.parseLong(fields[STAT_UTIME]) + Long.parseLong(fields[STAT_STIME]);
        return Optional.of(new ProcessReading(
                pid,
                ClockTicks.toNanos(ticks, ticksPerSecond),
                kilobytes(status, "VmRSS:", 0L) * BYTES_PER_KB,
                pss(smapsRollup),
                (int) number(status, "Threads:", 0L),
                allowedCpus(status)));
    }

    /** The machine's CPU counters from the text of {@code /proc/stat}; {@code origin} names it in errors. */
    public static MachineReading machineOf(String stat, long ticksPerSecond, String origin) {
        Long total = null;
        List<Long> perCpu = new ArrayList<>();
        List<Long> perCpuSteal = new ArrayList<>();
        for (String line : stat.split("\n")) {
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            long busyNanos = ClockTicks.toNanos(busyTicks(parts), ticksPerSecond);
            if (parts[0].equals("cpu")) {
                total = busyNanos;
            } else {
                perCpu.add(busyNanos);
                perCpuSteal.add(parts.length > STEAL_COLUMN ? ClockTicks.toNanos(Long.parseLong(parts[STEAL_COLUMN]), ticksPerSecond) : 0L);
            }
        }
        if (total == null || perCpu.isEmpty()) {
            throw new IllegalStateException(origin + " has no cpu lines");
        }
        return new MachineReading(total, perCpu, perCpuSteal);
    }

    /**
     * user + nice + system + irq + softirq + steal. Older kernels print fewer columns; the
     * missing ones count as 0.
     */
    private static long busyTicks(String[] parts) {
        // parts[0] is the label; then user nice system idle iowait irq softirq steal guest guest_nice
        int[] busyColumns = {1, 2, 3, 6, 7, 8};
        long ticks = 0;
        for (int column : busyColumns) {
            if (column < parts.length) {
                ticks += Long.parseLong(parts[column]);
            }
        }
        return ticks;
    }

    /**
     * The command name sits in parentheses and may itself hold spaces and parentheses
     * ({@code 42 (my (odd) name) S ...}), so fields are counted from the last ')'.
     */
    public static String[] fieldsAfterCommand(String stat, long pid) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalStateException("unexpected /proc/" + pid + "/stat: " + stat);
        }
        return stat.substring(close + 2).trim().split(" ");
    }

    /** The text of smaps_rollup, or null when it cannot be read. */
    private static String smapsRollup(Path dir) {
        try {
            return read(dir.resolve("smaps_rollup"));
        } catch (IOException e) {
            // no ptrace permission, a kernel before 4.14, or the process just exited
            return null;
        }
    }

    private static Long pss(String smapsRollup) {
        if (smapsRollup == null) {
            return null;
        }
        long kb = kilobytes(smapsRollup, "Pss:", -1L);
        return kb < 0 ? null : kb * BYTES_PER_KB;
    }

    private static int allowedCpus(String status) {
        String list = value(status, "Cpus_allowed_list:");
        return list == null ? 0 : CpuSet.parse(list).size();
    }

    private static long kilobytes(String text, String key, long absent) {
        String value = value(text, key);
        return value == null ? absent : Long.parseLong(value.split("\\s+")[0]);
    }

    private static long number(String text, String key, long absent) {
        String value = value(text, key);
        return value == null ? absent : Long.parseLong(value);
    }

    /** The rest of the line starting with {@code key}, trimmed; null if no line does. */
    private static String value(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).trim();
            }
        }
        return null;
    }

    /** Latin-1 because a command name is arbitrary bytes, and a decoder must never fail on it. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
