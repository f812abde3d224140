package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.LoadLevel;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.Keys;
import org.jvmbench.harness.stats.CapacityAtSlo.Level;
import org.jvmbench.harness.stats.CapacityAtSlo.Outcome;
import org.jvmbench.harness.stats.CapacityAtSlo.Row;
import org.jvmbench.protocol.Histograms;

class CapacityAtSloTest {

    private static final ConfigurationKey SERVLET_8 = Keys.configuration("servlet", 1, 8, false, 1);
    private static final ConfigurationKey REACTIVE = Keys.configuration("reactive", 1, null, false, 1);
    private static final Duration TARGET = Duration.ofMillis(50);
    private static final long MS = 1_000;

    /** An open point at a share of a capacity whose every request took {@code micros} from its due time. */
    private static Open at(ConfigurationKey c, String endpoint, double share, double capacity) {
        return new Open(new PointKey(c, endpoint, LoadLevel.Open.atShare(share, 256)), capacity);
    }

    private record Open(PointKey key, double capacity) {

        PointResult repetition(int repetition, long[] micros, long ko, long unsent, Flag.Code... flags) {
            Histogram h = Histograms.empty();
            Arrays.stream(micros).forEach(h::recordValue);
            long requests = micros.length;
            String encoded = Histograms.encode(h);
            double offered = key.level().rate() != null ? key.level().rate() : key.level().share() * capacity;
            OpenLoad open = OpenLoad.builder().offeredRps(offered).capacityRps(capacity).connections(256)
                    .connectionsUsed(200).scheduledRequests(requests + unsent).lateRequests(0).maxLateMicros(0)
                    .queuedRequests(0).lateThresholdMicros(2000).intendedLatency(Latencies.summarize(h))
                    .intendedHistogram(encoded).build();
            ResourceUsage resources = ResourceUsage.builder().serverCpuCores(offered / 1000)
                    .serverCpuCoresPeak(offered / 1000).serverRssBytes(200L << 20).serverRssBytesPeak(210L << 20)
                    .serverThreads(40).injectorCpuCores(0.3).injectorCpus(1).otherCpuCores(0).otherCpuCoresPeak(0)
                    .build();
            List<Flag> flagList = Arrays.stream(flags).map(f -> new Flag(f, f.name().toLowerCase())).toList();
            return PointResult.builder(key.id() + "-r" + repetition, key, repetition)
                    .window(Instant.EPOCH, Instant.EPOCH)
                    .throughput(Throughput.of(requests, requests - ko, ko, ko == 0 ? Map.of() : Map.of("status_500", ko), 10))
                    .latency(Latencies.summarize(h))
                    .resources(resources)
                    .flags(flagList)
                    .histogram(encoded)
                    .files(Map.of())
                    .open(open)
                    .build();
        }

        PointResult repetition(int repetition, long micros, int count, Flag.Code... flags) {
            return repetition(repetition, constant(micros, count), 0, 0, flags);
        }

        /** A repetition the server cut short: recorded, not measured. */
        PointResult notMeasured(int repetition) {
            return PointResult.builder(key.id() + "-r" + repetition, key, repetition)
                    .window(Instant.EPOCH, Instant.EPOCH)
                    .throughput(Throughput.of(0, 0, 0, Map.of(), 0))
                    .flags(List.of(new Flag(Flag.Code.SERVER_HUNG, "hung")))
                    .files(Map.of())
                    .build();
        }
    }

    private static long[] constant(long micros, int count) {
        long[] values = new long[count];
        Arrays.fill(values, micros);
        return values;
    }

    /** {@code count} values, {@code slow} of them at {@code slowMicros}, the rest at {@code micros}. */
    private static long[] withSlow(long micros, int count, long slowMicros, int slow) {
        long[] values = constant(micros, count);
        Arrays.fill(values, 0, slow, slowMicros);
        return values;
    }

    private static Row only(CapacityAtSlo result) {
        assertThat(result.rows()).hasSize(1);
        return result.rows().getFirst();
    }

    @Test
    void theCapacityIsTheHighestRateUpToWhichEveryRateMeetsTheTargetWithItsCpuAndMemory() {
        List<PointResult> points = List.of(
                at(SERVLET_8, "/io?ms=10", 0.25, 800).repetition(1, 11 * MS, 200),
                at(SERVLET_8, "/io?ms=10", 0.5, 800).repetition(1, 20 * MS, 400),
                at(SERVLET_8, "/io?ms=10", 0.75, 800).repetition(1, 80 * MS, 600),
                at(SERVLET_8, "/io?ms=10", 1.0, 800).repetition(1, 900 * MS, 800));

        Row row = only(CapacityAtSlo.of(points, 99, TARGET));

        assertThat(row.outcome()).isEqualTo(Outcome.MET);
        assertThat(row.lowerBound()).isFalse();
        assertThat(row.configuration()).isEqualTo(SERVLET_8);
        assertThat(row.endpoint()).isEqualTo("/io?ms=10");
        assertThat(row.connections()).isEqualTo(256);
        assertThat(row.capacity().rateFraction()).isEqualTo(0.5);
        assertThat(row.capacity().offeredRps().median()).isEqualTo(400);
        assertThat(row.capacity().percentileMicros()).isBetween(20 * MS, 20 * MS + 20);
        assertThat(row.capacity().serverCpuCores().median()).isEqualTo(0.4);
        assertThat(row.capacity().serverRssBytes().median()).isEqualTo(200L << 20);
        assertThat(row.ratioToBest()).isEqualTo(1.0);
        assertThat(row.levels()).extracting(Level::rateFraction).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(row.levels()).extracting(Level::met).containsExactly(true, true, false, false);
        assertThat(row.levels().get(2).reason()).isEqualTo("the percentile is above the target");
        assertThat(row.metAgainAbove()).isFalse();
    }

    @Test
    void aConfigurationThatMissesEvenAtTheLowestRateNeverMetItAndHasNoCapacityOrRatio() {
        List<PointResult> points = List.of(
                at(SERVLET_8, "/mixed", 0.25, 400).repetition(1, 60 * MS, 100),
                at(SERVLET_8, "/mixed", 0.5, 400).repetition(1, 70 * MS, 200),
                at(REACTIVE, "/mixed", 0.25, 500).repetition(1, 12 * MS, 125));

        CapacityAtSlo result = CapacityAtSlo.of(points, 99, TARGET);

        Row never = result.rows().getFirst();
        assertThat(never.outcome()).isEqualTo(Outcome.NEVER_MET);
        assertThat(never.capacity()).isNull();
        assertThat(never.ratioToBest()).isNull();
        assertThat(never.levels()).noneMatch(Level::met);
    }

    @Test
    void aConfigurationThatMeetsItAtTheHighestRateMeasuredHasALowerBound() {
        List<PointResult> points = List.of(
                at(REACTIVE, "/io?ms=10", 0.25, 8000).repetition(1, 11 * MS, 2000),
                at(REACTIVE, "/io?ms=10", 0.5, 8000).repetition(1, 12 * MS, 4000),
                at(REACTIVE, "/io?ms=10", 1.0, 8000).repetition(1, 40 * MS, 8000));

        Row row = only(CapacityAtSlo.of(points, 99, TARGET));

        assertThat(row.outcome()).isEqualTo(Outcome.MET_AT_EVERY_RATE);
        assertThat(row.lowerBound()).isTrue();
        assertThat(row.capacity().rateFraction()).isEqualTo(1.0);
        assertThat(row.capacity().offeredRps().median()).isEqualTo(8000);
    }

    @Test
    void eachCapacityIsComparedWithTheBestOnItsOwnEndpoint() {
        List<PointResult> points = List.of(
                at(SERVLET_8, "/io?ms=10", 0.5, 800).repetition(1, 12 * MS, 400),
                at(SERVLET_8, "/io?ms=10", 1.0, 800).repetition(1, 900 * MS, 800),
                at(REACTIVE, "/io?ms=10", 0.5, 1600).repetition(1, 12 * MS, 800),
                at(REACTIVE, "/io?ms=10", 1.0, 1600).repetition(1, 900 * MS, 1600),
                at(SERVLET_8, "/mixed", 0.5, 300).repetition(1, 12 * MS, 150),
                at(SERVLET_8, "/mixed", 1.0, 300).repetition(1, 900 * MS, 300));

        CapacityAtSlo result = CapacityAtSlo.of(points, 99, TARGET);

        assertThat(result.rows()).extracting(Row::endpoint, r -> r.configuration().app(), Row::ratioToBest).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/io?ms=10", "servlet", 0.5),
                org.assertj.core.groups.Tuple.tuple("/io?ms=10", "reactive", 1.0),
                org.assertj.core.groups.Tuple.tuple("/mixed", "servlet", 1.0));
        assertThat(result.percentile()).isEqualTo(99);
        assertThat(result.latencyMicros()).isEqualTo(50 * MS);
    }

    @Test
    void repetitionsAreJudgedOnTheirMergedHistogramNotOnAnAverageOfTheirPercentiles() {
        // alone, the second repetition's p99 is 100 ms (2 % slow), and the mean of the two p99s 55 ms:
        // over all 1,100 requests, 2 slow ones are 0.18 %, so the p99 is 10 ms
        Open half = at(SERVLET_8, "/io?ms=10", 0.5, 800);
        List<PointResult> points = List.of(
                half.repetition(1, 10 * MS, 1000),
                half.repetition(2, withSlow(10 * MS, 100, 100 * MS, 2), 0, 0));
        assertThat((points.get(0).open().intendedLatency().p99Micros() + points.get(1).open().intendedLatency().p99Micros()) / 2)
                .isGreaterThan(50 * MS);

        Level level = only(CapacityAtSlo.of(points, 99, TARGET)).levels().getFirst();

        assertThat(level.repetitions()).isEqualTo(2);
        assertThat(level.met()).isTrue();
        assertThat(level.percentileMicros()).isBetween(10 * MS, 10 * MS + 10);
    }

    @Test
    void aRateWhoseInjectorWasLateInEveryRepetitionCannotMeetTheTargetHoweverFastItsAnswers() {
        Open half = at(SERVLET_8, "/io?ms=10", 0.5, 800);
        Open quarter = at(SERVLET_8, "/io?ms=10", 0.25, 800);
        List<PointResult> points = List.of(
                quarter.repetition(1, 11 * MS, 200),
                half.repetition(1, 11 * MS, 400, Flag.Code.INJECTOR_LATE, Flag.Code.NOISY_NEIGHBOUR));

        Row row = only(CapacityAtSlo.of(points, 99, TARGET));

        Level late = row.levels().get(1);
        assertThat(late.met()).isFalse();
        assertThat(late.judged()).isZero();
        assertThat(late.percentileMicros()).isNull();
        assertThat(late.reason()).contains("INJECTOR_LATE");
        assertThat(late.flags()).containsExactly(Flag.Code.INJECTOR_LATE, Flag.Code.NOISY_NEIGHBOUR);
        assertThat(row.capacity().rateFraction()).isEqualTo(0.25);
    }

    @Test
    void aRepetitionWhoseInjectorWasLateIsLeftOutAndTheRateJudgedOnTheOthers() {
        // the late repetition's own latency would break the target: it is no evidence either way
        Open half = at(SERVLET_8, "/io?ms=10", 0.5, 800);
        List<PointResult> points = List.of(
                half.repetition(1, 11 * MS, 400),
                half.repetition(2, 200 * MS, 400, Flag.Code.INJECTOR_LATE),
                half.repetition(3, 12 * MS, 400));

        Level level = only(CapacityAtSlo.of(points, 99, TARGET)).levels().getFirst();

        assertThat(level.met()).isTrue();
        assertThat(level.repetitions()).isEqualTo(3);
        assertThat(level.judged()).isEqualTo(2);
        assertThat(level.percentileMicros()).isBetween(12 * MS, 12 * MS + 12);
        assertThat(level.offeredRps().n()).isEqualTo(2);
        assertThat(level.flags()).containsExactly(Flag.Code.INJECTOR_LATE);
    }

    @Test
    void otherFlagsAreListedButDoNotChangeTheVerdict() {
        Level level = only(CapacityAtSlo.of(List.of(at(REACTIVE, "/json", 0.5, 4000)
                .repetition(1, 2 * MS, 2000, Flag.Code.NOISY_NEIGHBOUR, Flag.Code.UNSTEADY)), 99, TARGET)).levels().getFirst();

        assertThat(level.met()).isTrue();
        assertThat(level.flags()).containsExactly(Flag.Code.UNSTEADY, Flag.Code.NOISY_NEIGHBOUR);
    }

    @Test
    void failedRequestsCountAsSlowerThanAnyAnswer() {
        Open half = at(SERVLET_8, "/io?ms=10", 0.5, 800);

        // 1,000 answers in 10 ms, 20 of them failed: 2 % missed the target, the p99 cannot be met
        Level many = only(CapacityAtSlo.of(List.of(half.repetition(1, constant(10 * MS, 1000), 20, 0)), 99, TARGET))
                .levels().getFirst();
        // 5 failed: 0.5 %, within the 1 % a p99 leaves
        Level few = only(CapacityAtSlo.of(List.of(half.repetition(1, constant(10 * MS, 1000), 5, 0)), 99, TARGET))
                .levels().getFirst();

        assertThat(many.met()).isFalse();
        assertThat(many.percentileMicros()).isNull();
        assertThat(many.reason()).contains("failed and unsent");
        assertThat(few.met()).isTrue();
    }

    @Test
    void requestsThatFellDueButWereNeverSentCountAsSlowerThanAnyAnswer() {
        Open full = at(SERVLET_8, "/io?ms=10", 1.0, 800);

        Level unsent = only(CapacityAtSlo.of(List.of(full.repetition(1, constant(10 * MS, 1000), 0, 20)), 99, TARGET))
                .levels().getFirst();

        assertThat(unsent.met()).isFalse();
        assertThat(unsent.percentileMicros()).isNull();
    }

    @Test
    void theFailedRequestsAreReadAsTheFastestSoThePercentileIsNeverBelowTheTruth() {
        // 990 at 10 ms, 10 at 40 ms, 5 failed among them: the p99 is read 5 ranks up, in the 40 ms ones
        long[] micros = withSlow(10 * MS, 1000, 40 * MS, 10);
        Level level = only(CapacityAtSlo.of(List.of(at(SERVLET_8, "/io?ms=10", 0.5, 800).repetition(1, micros, 5, 0)), 99, TARGET))
                .levels().getFirst();

        assertThat(level.percentileMicros()).isBetween(40 * MS, 40 * MS + 40);
        assertThat(level.met()).isTrue();
    }

    @Test
    void aRateWithARepetitionNotMeasuredDoesNotMeetTheTarget() {
        Open half = at(SERVLET_8, "/io?ms=10", 0.5, 800);

        Level level = only(CapacityAtSlo.of(List.of(half.repetition(1, 10 * MS, 400), half.notMeasured(2)), 99, TARGET))
                .levels().getFirst();

        assertThat(level.met()).isFalse();
        assertThat(level.reason()).isEqualTo("1 of 2 repetitions not measured");
        assertThat(level.flags()).containsExactly(Flag.Code.SERVER_HUNG);
        assertThat(level.judged()).isEqualTo(1);
        assertThat(level.offeredRps().n()).isEqualTo(1);
    }

    @Test
    void aRateAboveTheFirstMissThatMeetsTheTargetAgainDoesNotRaiseTheCapacity() {
        List<PointResult> points = List.of(
                at(SERVLET_8, "/io?ms=10", 0.25, 800).repetition(1, 11 * MS, 200),
                at(SERVLET_8, "/io?ms=10", 0.5, 800).repetition(1, 60 * MS, 400),
                at(SERVLET_8, "/io?ms=10", 0.75, 800).repetition(1, 30 * MS, 600));

        Row row = only(CapacityAtSlo.of(points, 99, TARGET));

        assertThat(row.outcome()).isEqualTo(Outcome.MET);
        assertThat(row.capacity().rateFraction()).isEqualTo(0.25);
        assertThat(row.metAgainAbove()).isTrue();
    }

    @Test
    void absoluteRatesAreOrderedByRateAndClosedPointsAreLeftOut() {
        PointKey closed = PointKey.of(SERVLET_8, "/io?ms=10", 64);
        PointResult closedPoint = at(SERVLET_8, "/io?ms=10", 0.5, 800).repetition(1, 10 * MS, 10);
        closedPoint = PointResult.builder(closed.id() + "-r1", closed, 1)
                .schema(closedPoint.schema())
                .window(Instant.EPOCH, Instant.EPOCH)
                .throughput(closedPoint.throughput())
                .latency(closedPoint.latency())
                .resources(closedPoint.resources())
                .histogram(closedPoint.histogram())
                .files(Map.of())
                .build();
        List<PointResult> points = new ArrayList<>(List.of(closedPoint));
        for (double rate : List.of(2000.0, 500.0, 1000.0)) {
            PointKey key = new PointKey(SERVLET_8, "/io?ms=10", LoadLevel.Open.atRate(rate, 256));
            PointResult p = new Open(key, 1).repetition(1, 10 * MS, 100);
            points.add(p);
        }

        Row row = only(CapacityAtSlo.of(points, 99, TARGET));

        assertThat(row.levels()).extracting(Level::rate).containsExactly(500.0, 1000.0, 2000.0);
        assertThat(row.levels()).extracting(Level::rateFraction).containsOnlyNulls();
    }

    @Test
    void withoutFailedOrUnsentRequestsThePercentileIsTheHistogramsOwn() {
        Random random = new Random(9);
        for (int run = 0; run < 200; run++) {
            Histogram h = Histograms.empty();
            int n = 1 + random.nextInt(3000);
            for (int i = 0; i < n; i++) {
                h.recordValue(1 + (long) Math.abs(random.nextGaussian() * 20_000));
            }
            for (double p : new double[] {50, 90, 99, 99.9}) {
                assertThat(CapacityAtSlo.percentileCountingMisses(h, 0, 0, p)).as("p%s of %d values", p, n)
                        .isEqualTo(h.getValueAtPercentile(p));
            }
        }
    }

    @Test
    void aPercentileOutsideZeroToOneHundredIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CapacityAtSlo.of(List.of(), 100, TARGET)).withMessageContaining("percentile");
        assertThat(CapacityAtSlo.of(List.of(), 99.9, TARGET).rows()).isEmpty();
    }
}
