package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jvmbench.harness.server.ServerReading;

/**
 * Reads the server's cumulative JIT and GC counters every period while a point's phase runs,
 * so what the JIT and the collectors did is taken at the measured window's edges. The readings
 * before and after the phase alone would span the injector's own start and end too, where a
 * server that has just been idle or just been hit can compile or collect.
 * <p>
 * The edge rule is the sampler's ({@code sampling.WindowSelection}): the first and the last
 * reading inside the window; when fewer than two fall inside (a window shorter than the
 * period), the nearest ones around it. Nothing is interpolated: the figures cover the time
 * between the two readings used, which {@link Span#seconds()} says.
 */
final class CounterWatch {

    /**
     * The server's counters summed over its JVMs at a moment.
     *
     * @param compilationMs JIT time, or −1 when the server does not report it
     */
    record Reading(long epochMs, long compilationMs, long gcMs, long gcCount) {

        /** The sum of every JVM's counters, or null when one of them has none (a reading that says nothing). */
        static Reading of(long epochMs, List<ServerReading> readings) {
            if (readings.isEmpty() || readings.stream().anyMatch(r -> r.counters() == null)) {
                return null;
            }
            long jit = 0, gc = 0, count = 0;
            for (ServerReading r : readings) {
                jit = jit < 0 || r.counters().compilationMs() < 0 ? -1 : jit + r.counters().compilationMs();
                gc += r.counters().gcTimeMs();
                count += r.counters().gcCount();
            }
            return new Reading(epochMs, jit, gc, count);
        }
    }

    /**
     * What the counters grew by between the two readings nearest the window's edges.
     *
     * @param jitMs  compilation time, −1 when unknown
     * @param millis wall time between the two readings
     */
    record Span(long jitMs, long gcMs, long gcCount, long millis) {

        double seconds() {
            return millis / 1000.0;
        }
    }

    /** One reading of every JVM of the server. */
    @FunctionalInterface
    interface Source {
        List<ServerReading> read() throws IOException, InterruptedException;
    }

    private final Source source;
    private final Duration period;
    private final LongSupplier epochMs;
    private final List<Reading> readings = new ArrayList<>();
    private volatile boolean running = true;
    private final Thread thread;

    private CounterWatch(Source source, Duration period, LongSupplier epochMs) {
        this.source = source;
        this.period = period;
        this.epochMs = epochMs;
        this.thread = new Thread(this::run, "bench-counters");
        thread.setDaemon(true);
    }

    /** Starts reading every {@code period} on a thread of its own. */
    static CounterWatch start(Source source, Duration period, LongSupplier epochMs) {
        CounterWatch watch = new CounterWatch(source, period, epochMs);
        watch.thread.start();
        return watch;
    }

    /** Ends the thread (a reading under way is let finish) and gives every reading taken, oldest first. */
    List<Reading> stop(Duration readTimeout) throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(period.plus(readTimeout).plusSeconds(1).toMillis());
        synchronized (readings) {
            return List.copyOf(readings);
        }
    }

    /** A reading taken now, stamped with the middle of its request(s); null when it failed or said nothing. */
    static Reading readNow(Source source, LongSupplier epochMs) throws InterruptedException {
        long from = epochMs.getAsLong();
        try {
            List<ServerReading> read = source.read();
            return Reading.of((from + epochMs.getAsLong()) / 2, read);
        } catch (IOException e) {
            // a reading that failed is skipped; the ones around it still bound the window
            return null;
        }
    }

    private void run() {
        long periodNanos = period.toNanos();
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                Reading reading = readNow(source, epochMs);
                if (reading != null) {
                    synchronized (readings) {
                        readings.add(reading);
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            next = Math.max(next + periodNanos, System.nanoTime());
        }
    }

    /**
     * The counters' growth over {@code [startEpochMs, endEpochMs]}: between the first and the
     * last reading inside it, or the nearest around it when fewer than two are inside; null
     * without two distinct readings.
     */
    static Span between(List<Reading> all, long startEpochMs, long endEpochMs) {
        List<Reading> sorted = all.stream().sorted(Comparator.comparingLong(Reading::epochMs)).toList();
        List<Reading> inside = sorted.stream().filter(r -> r.epochMs() >= startEpochMs && r.epochMs() <= endEpochMs).toList();
        Reading from;
        Reading to;
        if (inside.size() >= 2) {
            from = inside.getFirst();
            to = inside.getLast();
        } else if (sorted.size() >= 2) {
            from = sorted.stream().filter(r -> r.epochMs() <= startEpochMs).reduce((a, b) -> b).orElse(sorted.getFirst());
            to = sorted.stream().filter(r -> r.epochMs() >= endEpochMs).findFirst().orElse(sorted.getLast());
        } else {
            return null;
        }
        if (to.epochMs() <= from.epochMs()) {
            return null;
        }
        long jit = from.compilationMs() < 0 || to.compilationMs() < 0 ? -1 : to.compilationMs() - from.compilationMs();
        return new Span(jit, to.gcMs() - from.gcMs(), to.gcCount() - from.gcCount(), to.epochMs() - from.epochMs());
    }
}
