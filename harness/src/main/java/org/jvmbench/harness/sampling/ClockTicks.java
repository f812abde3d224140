package org.jvmbench.harness.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The unit of CPU times in {@code /proc} ({@code USER_HZ}, {@code sysconf(_SC_CLK_TCK)}).
 * Java cannot call sysconf, so it is asked of {@code getconf CLK_TCK} once per JVM; where that
 * fails (no getconf, odd output, no answer within a second) it is 100, which is what every
 * mainstream Linux architecture has exposed to user space for decades, whatever the kernel's
 * internal HZ.
 */
public final class ClockTicks {

    /** The conventional value, used when getconf gives no usable answer. */
    public static final long CONVENTIONAL_PER_SECOND = 100;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ClockTicks() {
    }

    /** Ticks per second on this machine, detected on first use. */
    public static long perSecond() {
        return Detected.PER_SECOND;
    }

    /** Converts ticks to nanoseconds without overflowing for machine-wide counters of long uptimes. */
    public static long toNanos(long ticks, long ticksPerSecond) {
        return ticks / ticksPerSecond * NANOS_PER_SECOND + ticks % ticksPerSecond * NANOS_PER_SECOND / ticksPerSecond;
    }

    /**
     * The number getconf printed, or the conventional value if it printed anything else.
     * Public for hosts whose {@code getconf CLK_TCK} is run over SSH.
     */
    public static long parse(String getconfOutput) {
        if (getconfOutput == null) {
            return CONVENTIONAL_PER_SECOND;
        }
        try {
            long value = Long.parseLong(getconfOutput.strip());
            return value > 0 ? value : CONVENTIONAL_PER_SECOND;
        } catch (NumberFormatException e) {
            return CONVENTIONAL_PER_SECOND;
        }
    }

    private static long detect() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            getconf.getOutputStream().close();
            // wait first, read after: a few bytes fit in the pipe, and a hung getconf must not block the read
            if (!getconf.waitFor(1, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                return CONVENTIONAL_PER_SECOND;
            }
            String output;
            try (InputStream in = getconf.getInputStream()) {
                output = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
            }
            return getconf.exitValue() == 0 ? parse(output) : CONVENTIONAL_PER_SECOND;
        } catch (IOException e) {
            return CONVENTIONAL_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CONVENTIONAL_PER_SECOND;
        }
    }

    /** Holder idiom: getconf runs once, on first use, and never in JVMs that don't sample. */
    private static final class Detected {
        static final long PER_SECOND = detect();
    }
}
