package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.server.ServerReading;

/**
 * The JIT and GC time a point shows is what the server's counters grew by between the readings
 * nearest its measured window's edges, not over the whole phase: the injector's start before
 * the window and its end after it are not the point's.
 */
class WindowCountersTest {

    private static final long START = 1_764_000_010_000L;
    private static final long END = START + 10_000;

    private static CounterWatch.Reading at(long epochMs, long jitMs, long gcMs, long gcCount) {
        return new CounterWatch.Reading(epochMs, jitMs, gcMs, gcCount);
    }

    /**
     * A server that compiled hard while the injector started (the first connections), and
     * collected once while it ended, read before the phase, every second, and after it.
     */
    private static final List<CounterWatch.Reading> PHASE = List.of(
            at(START - 3_000, 10_000, 400, 10),   // before the phase
            at(START - 1_500, 11_200, 400, 10),
            at(START - 500, 12_400, 410, 11),
            at(START + 500, 12_410, 420, 12),     // the first reading inside the window
            at(START + 5_500, 12_430, 430, 13),
            at(END - 500, 12_440, 440, 14),       // the last inside
            at(END + 500, 12_900, 640, 15),
            at(END + 2_000, 13_000, 650, 16));    // after the phase

    @Test
    void theCountersAreTakenAtTheReadingsInsideTheWindowNotAroundThePhase() {
        CounterWatch.Span span = CounterWatch.between(PHASE, START, END);

        assertThat(span).isEqualTo(new CounterWatch.Span(30, 20, 2, 9_000));
        // what the readings around the whole phase said: 3,000 ms of JIT, 250 ms of GC
        assertThat(CounterWatch.between(List.of(PHASE.getFirst(), PHASE.getLast()), START, END))
                .isEqualTo(new CounterWatch.Span(3_000, 250, 6, 15_000));
    }

    @Test
    void aWindowTooShortToHoldTwoReadingsTakesTheNearestAroundIt() {
        CounterWatch.Span span = CounterWatch.between(PHASE, START + 600, START + 900);

        assertThat(span).isEqualTo(new CounterWatch.Span(20, 10, 1, 5_000));
    }

    @Test
    void aServerThatDoesNotReportItsJitKeepsItUnknownAndItsGcCounted() {
        List<CounterWatch.Reading> noJit = PHASE.stream().map(r -> at(r.epochMs(), -1, r.gcMs(), r.gcCount())).toList();

        assertThat(CounterWatch.between(noJit, START, END)).isEqualTo(new CounterWatch.Span(-1, 20, 2, 9_000));
        assertThat(CounterWatch.between(List.of(PHASE.getFirst()), START, END)).as("one reading spans nothing").isNull();
    }

    @Test
    void thePointsJitShareIsOverTheTimeItWasCounted() {
        Stability stability = PointMeasurement.stability(new FullSeconds(START / 1000 + 1, List.of(100L, 100L, 100L, 100L, 100L, 100L)),
                CounterWatch.between(PHASE, START, END));

        assertThat(stability.jitMs()).isEqualTo(30);
        assertThat(stability.gcMs()).isEqualTo(20);
        assertThat(stability.countersSeconds()).isEqualTo(9.0);
        assertThat(stability.jitShare(10.0)).isCloseTo(30 / 9_000.0, within(1e-12));
        assertThat(new Stability(6, 0, 0, 30, 20, 2, 0, 0).jitShare(10.0))
                .as("a result written before: over its window").isCloseTo(30 / 10_000.0, within(1e-12));
    }

    @Test
    void theWatchReadsUntilStoppedAndSkipsAReadingThatFailed() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CounterWatch watch = CounterWatch.start(() -> {
            int n = reads.incrementAndGet();
            if (n == 2) {
                throw new IOException("timed out");
            }
            return List.of(new ServerReading(null, FakeLoad.counters(n * 100L, n, n), Map.of(), null));
        }, Duration.ofMillis(5), System::currentTimeMillis);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reads.get() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        List<CounterWatch.Reading> readings = watch.stop(Duration.ofSeconds(1));

        assertThat(reads.get()).isGreaterThanOrEqualTo(4);
        assertThat(readings).extracting(CounterWatch.Reading::compilationMs).startsWith(100L, 300L, 400L);
        assertThat(readings).extracting(CounterWatch.Reading::epochMs).isSorted();
    }
}
