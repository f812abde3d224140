package org.jvmbench.harness.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final Duration LONG_PERIOD = Duration.ofHours(1);

    @Test
    void startTakesAFirstSampleBeforeReturning() {
        try (Sampler sampler = new Sampler(new CountingReader(), Targets.servers(List.of(1L)), LONG_PERIOD)) {
            sampler.start();

            assertThat(sampler.snapshot()).hasSize(1);
        }
    }

    @Test
    void stopTakesALastSampleSoAStartedSamplerAlwaysHasTwo() {
        Sampler sampler = new Sampler(new CountingReader(), Targets.servers(List.of(1L)), LONG_PERIOD);
        sampler.start();
        sampler.stop();

        assertThat(sampler.snapshot()).hasSize(2);
        sampler.stop();
        assertThat(sampler.snapshot()).as("a second stop samples nothing").hasSize(2);
    }

    @Test
    void samplesEveryPeriodOnANamedDaemonThreadThatStopEnds() {
        CountingReader reader = new CountingReader();
        Sampler sampler = new Sampler(reader, Targets.servers(List.of(1L)), Duration.ofMillis(5));
        sampler.start();
        awaitTrue(() -> sampler.snapshot().size() >= 4);
        sampler.stop();

        Thread background = reader.lastBackgroundThread.get();
        assertThat(background.getName()).isEqualTo(Sampler.THREAD_NAME);
        assertThat(background.isDaemon()).isTrue();
        assertThat(background.isAlive()).isFalse();
        List<Sample> samples = sampler.snapshot();
        assertThat(samples).extracting(Sample::monotonicNanos).isSorted();
        int afterStop = samples.size();
        assertThat(reader.machineReads.get()).isEqualTo(afterStop);
    }

    @Test
    void aFailingReadingIsCountedAndSamplingGoesOn() {
        CountingReader reader = new CountingReader();
        reader.failOnRead = 2;
        Sampler sampler = new Sampler(reader, Targets.servers(List.of(1L)), Duration.ofMillis(5));
        sampler.start();
        awaitTrue(() -> sampler.snapshot().size() >= 3);
        sampler.stop();

        assertThat(sampler.failures()).isEqualTo(1);
        assertThat(sampler.lastFailure()).get().asString().contains("read 2 failed");
    }

    @Test
    void startFailsWhenTheMachineCannotBeRead() {
        CountingReader reader = new CountingReader();
        reader.failOnRead = 1;
        Sampler sampler = new Sampler(reader, Targets.servers(List.of(1L)), LONG_PERIOD);

        assertThatThrownBy(sampler::start).hasMessageContaining("read 1 failed");
    }

    @Test
    void aSamplerStartsOnce() {
        try (Sampler sampler = new Sampler(new CountingReader(), Targets.servers(List.of(1L)), LONG_PERIOD)) {
            sampler.start();

            assertThatThrownBy(sampler::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void retargetingAppliesFromTheNextSample() {
        FixtureSequence seq = new FixtureSequence(new Targets(List.of(100L, 101L), 200L));
        seq.sampleAt(0);
        seq.sampler.retarget(new Targets(List.of(100L), null));
        seq.sampleAt(1);

        List<Sample> samples = seq.sampler.snapshot();
        assertThat(samples.get(0).processes()).containsOnlyKeys(100L, 101L, 200L);
        assertThat(samples.get(1).processes()).containsOnlyKeys(100L);
    }

    // --- from fixture /proc trees one second apart (seq/t0..t3) ---------------------------------

    @Test
    void aServerBurning150TicksInTwoSecondsUses075Cores() {
        FixtureSequence seq = new FixtureSequence(Targets.servers(List.of(100L)));
        seq.sampleAt(0, 1, 2);

        WindowUsage usage = seq.usage(0, 2);

        assertThat(usage.resources().serverCpuCores()).isCloseTo(0.75, within());
        assertThat(usage.serverCpuCores()).containsExactly(0.75, 0.75);
    }

    @Test
    void serverCpuAndMemoryAreSummedOverServerProcesses() {
        FixtureSequence seq = new FixtureSequence(Targets.servers(List.of(100L, 101L)));
        seq.sampleAt(0, 1, 2);

        WindowUsage usage = seq.usage(0, 2);

        // 100 then 110 ticks a second over both servers
        assertThat(usage.resources().serverCpuCores()).isCloseTo(1.05, within());
        assertThat(usage.resources().serverCpuCoresPeak()).isCloseTo(1.10, within());
        // RSS sums 550 000, 560 000, 570 000 kB
        assertThat(usage.resources().serverRssBytes()).isEqualTo(560_000L * 1024);
        assertThat(usage.resources().serverRssBytesPeak()).isEqualTo(570_000L * 1024);
        assertThat(usage.serverRssBytes()).containsExactly(560_000L * 1024, 570_000L * 1024);
    }

    @Test
    void pssSplitsThePagesTwoServersShareWhileRssCountsThemTwice() {
        FixtureSequence seq = new FixtureSequence(Targets.servers(List.of(100L, 101L)));
        seq.sampleAt(0, 1, 2);

        WindowUsage usage = seq.usage(0, 2);

        // PSS sums 350 000, 355 000, 360 000 kB
        assertThat(usage.resources().serverPssBytes()).isEqualTo(355_000L * 1024);
        assertThat(usage.resources().serverPssBytes()).isLessThan(usage.resources().serverRssBytes());
    }

    @Test
    void threadsAreCountedAtTheEndOfTheWindow() {
        FixtureSequence seq = new FixtureSequence(Targets.servers(List.of(100L, 101L)));
        seq.sampleAt(0, 1, 2);

        assertThat(seq.usage(0, 2).resources().serverThreads()).isEqualTo(40 + 30);
        assertThat(seq.usage(0, 1).resources().serverThreads()).isEqualTo(38 + 30);
    }

    @Test
    void otherCpuIsMachineBusyMinusServersMinusInjector() {
        FixtureSequence seq = new FixtureSequence(new Targets(List.of(100L, 101L), 200L));
        seq.sampleAt(0, 1, 2);

        WindowUsage usage = seq.usage(0, 2);

        // machine 150 then 190 ticks; servers 100 then 110; injector 40 then 50
        assertThat(usage.resources().injectorCpuCores()).isCloseTo(0.45, within());
        assertThat(usage.resources().injectorCpus()).isEqualTo(1);
        assertThat(usage.resources().otherCpuCores()).isCloseTo(0.20, within());
        assertThat(usage.resources().otherCpuCoresPeak()).isCloseTo(0.30, within());
        assertThat(usage.otherCpuCores()).satisfiesExactly(
                first -> assertThat(first).isCloseTo(0.10, within()),
                second -> assertThat(second).isCloseTo(0.30, within()));
        assertThat(usage.perCpuBusyCores()).satisfiesExactly(
                cpu0 -> assertThat(cpu0).isCloseTo(0.95, within()),
                cpu1 -> assertThat(cpu1).isCloseTo(0.75, within()));
    }

    @Test
    void aServerThatExitsIsReportedWhileTheOthersAreStillMeasured() {
        FixtureSequence seq = new FixtureSequence(new Targets(List.of(100L, 101L), 200L));
        seq.sampleAt(0, 1, 2, 3);

        WindowUsage usage = seq.usage(0, 3);

        assertThat(usage.goneServerPids()).containsExactly(101L);
        assertThat(usage.injectorGone()).isFalse();
        // the last second has server 100 alone: 80 ticks
        assertThat(usage.serverCpuCores()).satisfiesExactly(
                s -> assertThat(s).isCloseTo(1.00, within()),
                s -> assertThat(s).isCloseTo(1.10, within()),
                s -> assertThat(s).isCloseTo(0.80, within()));
        assertThat(usage.resources().serverThreads()).isEqualTo(40);
        // the dead server's memory leaves the sum
        assertThat(usage.serverRssBytes().getLast()).isEqualTo(330_000L * 1024);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    /** Polls with a deadline: the sampler's thread runs on its own clock. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Steps a sampler through the fixture trees seq/t0, t1, ... with a clock one second per step. */
    private static final class FixtureSequence {
        final AtomicReference<LinuxProcReader> current = new AtomicReference<>();
        final AtomicLong seconds = new AtomicLong();
        final Sampler sampler;

        FixtureSequence(Targets targets) {
            ProcReader stepping = new ProcReader() {
                @Override
                public Optional<ProcessReading> process(long pid) {
                    return current.get().process(pid);
                }

                @Override
                public MachineReading machine() {
                    return current.get().machine();
                }
            };
            sampler = new Sampler(stepping, targets, Duration.ofSeconds(1),
                    () -> Synthetic.MONOTONIC_ORIGIN + seconds.get() * 1_000_000_000L,
                    () -> Synthetic.epochMs(seconds.get()));
        }

        void sampleAt(int... steps) {
            for (int step : steps) {
                current.set(Fixtures.reader("seq/t" + step));
                seconds.set(step);
                sampler.sampleOnce();
            }
        }

        WindowUsage usage(int fromSecond, int toSecond) {
            return WindowUsage.of(sampler.snapshot(), Synthetic.epochMs(fromSecond), Synthetic.epochMs(toSecond));
        }
    }

    /** Every process alive with growing CPU; can fail one chosen machine read; notes the thread it runs on. */
    private static final class CountingReader implements ProcReader {
        final AtomicInteger machineReads = new AtomicInteger();
        final AtomicReference<Thread> lastBackgroundThread = new AtomicReference<>();
        final Thread creator = Thread.currentThread();
        volatile int failOnRead = -1;

        @Override
        public Optional<ProcessReading> process(long pid) {
            return Optional.of(new ProcessReading(pid, machineReads.get() * 1_000_000L, 1 << 20, null, 3, 1));
        }

        @Override
        public MachineReading machine() {
            int read = machineReads.incrementAndGet();
            if (Thread.currentThread() != creator) {
                lastBackgroundThread.set(Thread.currentThread());
            }
            if (read == failOnRead) {
                throw new IllegalStateException("read " + read + " failed");
            }
            return new MachineReading(read * 2_000_000L, List.of(read * 2_000_000L), List.of(0L));
        }
    }
}
