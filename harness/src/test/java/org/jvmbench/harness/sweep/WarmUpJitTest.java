package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.WarmUp;

/**
 * A JIT reading that fails during a warm-up is skipped and read again, never taken as "this
 * server does not report its JIT": one hiccup of {@code /info} must not leave the rest of the
 * warm-up judged on throughput alone, and a warm-up that never read it again says so.
 */
class WarmUpJitTest {

    /** The compilers busy half of every second for the first minute, then quiet. */
    private static final long COMPILING_UNTIL_S = 60;

    @TempDir
    Path tmp;

    private static long compilationMsAt(long epochMs) {
        long seconds = Math.min(COMPILING_UNTIL_S, Math.max(0, (epochMs - FakeLoad.T0_MS) / 1000));
        return seconds * 500;
    }

    @Test
    void aServerWhoseCountersFailOnceIsWarmedUntilItsCompilersAreQuiet() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        WarmUp warmUp = warm(t -> {
            if (reads.incrementAndGet() == 3) {
                throw new HttpTimeoutException("request timed out");
            }
            return FakeLoad.counters(compilationMsAt(t), 0, 0);
        });

        assertThat(reads.get()).as("the reading after the failed one was taken").isGreaterThan(3);
        assertThat(warmUp.settled()).as(warmUp.verdict()).isTrue();
        assertThat(warmUp.seconds()).as("throughput was flat from the start; only the compilers held it").isGreaterThan(COMPILING_UNTIL_S);
        assertThat(warmUp.verdict()).startsWith("JIT 0.0 % of the time");
        assertThat(warmUp.jitUnread()).isNull();
    }

    @Test
    void aServerWhoseCountersNeverAnswerAgainEndsItsWarmUpSayingWhy() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        WarmUp warmUp = warm(t -> {
            if (reads.incrementAndGet() > 1) {
                throw new HttpTimeoutException("request timed out");
            }
            return FakeLoad.counters(compilationMsAt(t), 0, 0);
        });

        assertThat(warmUp.settled()).as(warmUp.verdict()).isTrue();
        assertThat(warmUp.verdict()).contains("JIT unknown — its counters did not answer (request timed out) (judged on throughput alone)");
        assertThat(warmUp.jitUnread()).isEqualTo("its counters did not answer (request timed out)");
    }

    private WarmUp warm(FakeLoad.Counters counters) throws IOException, InterruptedException {
        FakeLoad load = new FakeLoad(s -> 10_000 + (s % 2) * 50, counters);
        RunFolder.ForkFiles files = new RunFolder.ForkFiles(tmp.resolve("fork")).reset();
        WarmUpLoop loop = new WarmUpLoop(load.injector(), load.server(files.serverLog(0, 1)), files, "f1",
                WarmUpLoop.Settings.of(SweepReader.parse("""
                        cpus: {server: "0", injector: "1"}
                        load: {endpoints: ["/json"], concurrency: [64]}
                        servers:
                          - app: servlet
                        """, SweepReader.Format.YAML, "sweeps/jit.yaml", "jit", 2)),
                load::nanoTime, load::epochMs);

        WarmUpLoop.Outcome outcome = loop.run("/json", 64);

        assertThat(outcome.failure()).isNull();
        return outcome.record();
    }
}
