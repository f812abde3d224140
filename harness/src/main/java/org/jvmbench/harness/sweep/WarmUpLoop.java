package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerReading;
import org.jvmbench.harness.trust.SettleRule;
import org.jvmbench.harness.trust.Stalls;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Warms one endpoint of a running server at the load of its heaviest point until the server
 * has settled ({@link SettleRule}) or the cap is reached. The load runs as short slices, one
 * injector phase each; between slices the server's JIT counters are read, and the rule judges
 * the slices' whole seconds together. Nothing of a warm-up enters any number but its own
 * record: how long, how many requests, and whether the server settled.
 */
final class WarmUpLoop {

    /**
     * @param record   what the report shows, or null when the warm-up ended the fork
     * @param failure  why the fork cannot go on (the server hung or died during the warm-up), or null
     * @param died     the server died rather than hung
     * @param capacity the endpoint's capacity probe ({@link OpenWarmUp}), or null when none ran
     */
    record Outcome(WarmUp record, String failure, boolean died, CapacityProbe capacity) {

        Outcome(WarmUp record, String failure, boolean died) {
            this(record, failure, died, null);
        }

        /**
         * A hung server's failure with what it held when it was given up: a configuration that
         * hangs before its first point has no other figure, and its memory is often the why.
         */
        Outcome holding(LongSupplier residentBytes) {
            if (failure == null || died) {
                return this;
            }
            return new Outcome(record, failure + "; " + (residentBytes.getAsLong() >> 20) + " MB resident when given up", died,
                    capacity);
        }
    }

    /**
     * How a sweep warms its servers, one value for every warm-up it runs (each fork's, the AOT
     * training run's), so none of them can fall back to the built-in tolerances.
     *
     * @param cap            the longest a warm-up may take (sweep key {@code warmup})
     * @param tolerances     when the server has settled (sweep key {@code settle})
     * @param slice          one injector phase of the warm-up
     * @param requestTimeout the sweep's request timeout
     * @param deadlineSlack  how long past its end a slice may take before the injector counts as hung
     */
    record Settings(Duration cap, SettleRule.Tolerances tolerances, Duration slice, Duration requestTimeout,
                    Duration deadlineSlack) {

        static Settings of(Sweep sweep) {
            return new Settings(sweep.warmup(), sweep.settle().tolerances(), Defaults.WARMUP_SLICE, sweep.requestTimeout(),
                    Defaults.DEADLINE_SLACK);
        }
    }

    private final Injector injector;
    private final RunningServer server;
    private final RunFolder.ForkFiles files;
    private final String forkId;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final LongSupplier epochMs;

    WarmUpLoop(Injector injector, RunningServer server, RunFolder.ForkFiles files, String forkId, Settings settings) {
        this(injector, server, files, forkId, settings, System::nanoTime, System::currentTimeMillis);
    }

    /** With the clocks given: tests run a warm-up of minutes on a fake injector in no time. */
    WarmUpLoop(Injector injector, RunningServer server, RunFolder.ForkFiles files, String forkId, Settings settings,
               LongSupplier nanoTime, LongSupplier epochMs) {
        this.injector = injector;
        this.server = server;
        this.files = files;
        this.forkId = forkId;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.epochMs = epochMs;
    }

    Settings settings() {
        return settings;
    }

    Outcome run(String endpoint, int users) throws IOException, InterruptedException {
        Duration slice = settings.slice();
        Duration requestTimeout = settings.requestTimeout();
        List<SettleRule.Second> seconds = new ArrayList<>();
        List<SettleRule.JitReading> jit = new ArrayList<>();
        jit.add(jitReading());
        long started = nanoTime.getAsLong();
        long requests = 0;
        SettleRule.Verdict verdict = null;
        for (int i = 0; ; i++) {
            checkInterrupted();
            PhaseResult phase;
            try {
                phase = injector.run(command(endpoint, users, i), slice.plus(requestTimeout).plus(settings.deadlineSlack()));
            } catch (InjectorHungException e) {
                files.requireWritable();
                boolean died = !server.alive();
                return new Outcome(null, died ? "the server died during the warm-up" : "the warm-up " + e.getMessage(), died);
            } finally {
                files.dropWarmUpResults();
            }
            if (!server.alive()) {
                return new Outcome(null, "the server died during the warm-up", true);
            }
            FullSeconds full = FullSeconds.of(phase);
            String hung = Stalls.hungReason(phase.requests(), phase.ok(), phase.ko(), phase.errors(), full.counts(), requestTimeout);
            if (hung != null) {
                return new Outcome(null, "the server hung during the warm-up: " + hung, false);
            }
            requests += phase.requests();
            seconds.addAll(full.seconds());
            jit.add(jitReading());
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - started);
            verdict = SettleRule.judge(seconds, jit, elapsed, settings.tolerances());
            if (verdict.settled() || elapsed.compareTo(settings.cap()) >= 0) {
                Long firstSecond = seconds.isEmpty() ? null : seconds.getFirst().epochSecond();
                return new Outcome(WarmUp.builder().endpoint(endpoint).users(users).settled(verdict.settled())
                        .seconds(elapsed.toMillis() / 1000.0).requests(requests)
                        .sinceStartSeconds(sinceStartSeconds()).verdict(verdict.numbers())
                        .jvmStartEpochMs(jvmStartEpochMs()).startEpochSecond(firstSecond).rps(series(seconds))
                        .jitUnread(verdict.jitUnread()).build(),
                        null, false);
            }
        }
    }

    private PhaseCommand command(String endpoint, int users, int slice) {
        return PhaseCommand.closed(forkId + "-warmup-" + slice, server.urls().stream().map(Object::toString).toList(),
                List.of(endpoint), users, settings.slice().toMillis(), settings.requestTimeout().toMillis(),
                files.warmUpResults().toString(), files.warmUpSliceResult(slice).toString(), false,
                files.warmUpLog().toString());
    }

    /**
     * The compilation time of all the server's JVMs now: unknown (−1) when the server does not
     * say, failed with why when its counters did not answer (the rule skips that reading).
     */
    private SettleRule.JitReading jitReading() throws InterruptedException {
        long now = epochMs.getAsLong();
        try {
            long sum = 0;
            for (ServerReading reading : server.readings(List.of(), Duration.ofSeconds(5))) {
                if (reading.counters() == null || reading.counters().compilationMs() < 0) {
                    return new SettleRule.JitReading(now, -1);
                }
                sum += reading.counters().compilationMs();
            }
            return new SettleRule.JitReading(now, sum);
        } catch (IOException e) {
            return SettleRule.JitReading.failed(now, "its counters did not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /** Seconds since the first of the server's JVMs started: the configuration's time to peak. */
    private double sinceStartSeconds() {
        Long start = jvmStartEpochMs();
        return start == null ? Double.NaN : (epochMs.getAsLong() - start) / 1000.0;
    }

    /** When the first of the server's JVMs started, or null when none says. */
    private Long jvmStartEpochMs() {
        // the start reading's counters: our apps' /info, or Actuator's for a user's jar (which has no /info)
        long start = server.instances().stream().mapToLong(i -> i.start().counters() == null || i.start().counters().startEpochMs() <= 0
                ? Long.MAX_VALUE : i.start().counters().startEpochMs()).min().orElse(Long.MAX_VALUE);
        return start == Long.MAX_VALUE ? null : start;
    }

    /**
     * The slices' whole seconds as one series from the first to the last, null where no slice
     * covered a second whole (between slices), so index k is always {@code first + k}.
     */
    static List<Long> series(List<SettleRule.Second> seconds) {
        if (seconds.isEmpty()) {
            return List.of();
        }
        long first = seconds.getFirst().epochSecond();
        int length = (int) (seconds.getLast().epochSecond() - first + 1);
        List<Long> series = new ArrayList<>(java.util.Collections.nCopies(length, (Long) null));
        for (SettleRule.Second s : seconds) {
            series.set((int) (s.epochSecond() - first), s.completed());
        }
        return series;
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted");
        }
    }
}
