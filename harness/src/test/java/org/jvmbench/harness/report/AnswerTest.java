package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.Keys;

/** The answer on a report's first screen, and our recommendation, from hand-built result sets. */
class AnswerTest {

    private static final ConfigurationKey POOL_64 = Keys.configuration("servlet", 1, 64, false, 1);
    private static final ConfigurationKey POOL_8 = Keys.configuration("servlet", 1, 8, false, 1);
    private static final ConfigurationKey IO_4 = Keys.configuration("servlet", 4, 1, false, 1);
    private static final ConfigurationKey TWO_JVMS = Keys.configuration("servlet", 1, 8, false, 2);

    @Test
    void aClearWinnerIsSaidToServeMostWithEachOtherConfigurationsLossAndItsInterval() {
        // the machine moves round to round; 4 IO threads keep 80 % of the pool of 64 in every round of both forks
        Answer answer = answer(
                paired(POOL_64, 1, 400, 1000, 2000, 1500), paired(IO_4, 1, 300, 800, 1600, 1200),
                paired(POOL_64, 2, 400, 1200, 1100, 1000), paired(IO_4, 2, 300, 960, 880, 800));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.bestProven()).isTrue();
        assertThat(level.sentence()).isEqualTo("For `/json` at c64, servlet platform w1 t64 served most: 1,300 RPS "
                + "(paired rounds). servlet platform w4 t1 is 20 % slower (95 % CI 20–20 %).");
        assertThat(level.recommendation().sentence("/json", "c64")).isEqualTo("Recommended for `/json` at c64: "
                + "servlet platform w1 t64, the highest and the cheapest of the configurations without a flag within 5 % of it "
                + "(1 process, 90 OS threads, PSS 400 MiB).");
    }

    @Test
    void aDifferenceInsideTheIntervalNamesNoWinnerAndSaysWhatWouldTell() {
        // the pool of 8 swings from 10 % behind to 10 % ahead: its median is lower, the interval holds 1
        Answer answer = answer(
                paired(POOL_64, 1, 400, 1000, 1000, 1000, 1000), paired(POOL_8, 1, 300, 900, 1100, 900, 1080),
                paired(POOL_64, 2, 400, 1000, 1000, 1000, 1000), paired(POOL_8, 2, 300, 1100, 900, 920, 1000));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.bestProven()).isFalse();
        assertThat(level.others()).extracting(Answer.Versus::outcome).containsExactly(Answer.Outcome.CANNOT_TELL);
        assertThat(level.sentence())
                .startsWith("For `/json` at c64, servlet platform w1 t64 had the highest median, 1,000 RPS (paired rounds), "
                        + "but this run does not show it ahead of every other: servlet platform w1 t8: cannot tell: 95 % CI −")
                .endsWith("More rounds or forks would narrow the intervals.");
        // a cheaper pool whose interval reaches 10 % below is not shown within 5 %: the best is recommended
        assertThat(level.recommendation().configuration()).isEqualTo("servlet platform w1 t64");
    }

    @Test
    void theCheapestConfigurationShownWithin5PercentIsRecommendedOverTheBest() {
        // the pool of 8 keeps 98 % of the pool of 64 in every round of both forks; two JVMs of it keep 99 % but cost a process more
        Answer answer = answer(
                paired(POOL_64, 1, 400, 1000, 2000, 1500), paired(POOL_8, 1, 300, 980, 1960, 1470),
                paired(TWO_JVMS, 1, 500, 990, 1980, 1485),
                paired(POOL_64, 2, 400, 1200, 1100), paired(POOL_8, 2, 300, 1176, 1078),
                paired(TWO_JVMS, 2, 500, 1188, 1089));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.others()).extracting(Answer.Versus::configuration)
                .containsExactly("servlet platform w1 t8 ×2 proc", "servlet platform w1 t8");
        Answer.Recommendation r = level.recommendation();
        assertThat(r.configuration()).isEqualTo("servlet platform w1 t8");
        assertThat(r.isBest()).isFalse();
        assertThat(r.sentence("/json", "c64")).isEqualTo("Recommended for `/json` at c64: servlet platform w1 t8, "
                + "the cheapest of the configurations without a flag within 5 % of the highest (1 process, 34 OS threads, PSS 300 MiB).");
    }

    @Test
    void aFlaggedConfigurationIsListedNotJudgedAndWhenItServedMoreNothingIsRecommended() {
        // workers-vs-threads once recommended the one unflagged configuration while flagged ones served up to 83 % more
        Answer answer = answer(
                paired(POOL_64, 1, 400, 1000, 2000, 1500),
                paired(POOL_8, 1, 300, 1100, 2200, 1650).withFlags(List.of(new Flag(Flag.Code.UNSTEADY, "drifted 9 %"))));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.others().getFirst().outcome()).isEqualTo(Answer.Outcome.FLAGGED);
        assertThat(level.sentence()).startsWith("For `/json` at c64, of the points without a flag, servlet platform w1 t64 "
                + "had the highest median, 1,500 RPS (paired rounds), but this run does not show it ahead of every other: "
                + "servlet platform w1 t8: flagged, not judged (10 % faster).");
        assertThat(level.recommendation()).isNull();
        assertThat(answer.sentences().getFirst().recommendation()).isEqualTo("No recommendation for `/json` at c64: servlet "
                + "platform w1 t8 served more but is flagged; a run without those flags would tell (each row says why).");
    }

    @Test
    void aFlaggedConfigurationThatServedLessLeavesTheRecommendationToTheUnflaggedOnes() {
        Answer answer = answer(
                paired(POOL_64, 1, 400, 1000, 2000, 1500),
                paired(POOL_8, 1, 300, 900, 1800, 1350).withFlags(List.of(new Flag(Flag.Code.UNSTEADY, "drifted 9 %"))));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.others().getFirst().outcome()).isEqualTo(Answer.Outcome.FLAGGED);
        assertThat(level.recommendation().configuration()).isEqualTo("servlet platform w1 t64");
    }

    @Test
    void oneRepetitionEachCannotTellAndTheRecommendationSaysItIsUntested() {
        Answer answer = answer(sequential(POOL_64, 1, 400, 10_000), sequential(POOL_8, 1, 300, 9_800));

        Answer.Level level = answer.levels().getFirst();
        assertThat(level.basis()).isEqualTo(Answer.Basis.ONE_REPETITION);
        assertThat(level.sentence()).isEqualTo("For `/json` at c64, servlet platform w1 t64 had the highest median, "
                + "10,000 RPS (one repetition each), but this run does not show it ahead of every other: "
                + "servlet platform w1 t8: medians within 5 % (2.0 % slower), not tested. "
                + "One repetition each cannot tell: `repeat: 3` or more, or `design: paired`, would.");
        assertThat(level.recommendation().sentence("/json", "c64")).endsWith("; within 5 % by its median, not tested.");
    }

    @Test
    void repeatsSeparateOnlyWhenTheTestDoes() {
        List<PointResult> points = new ArrayList<>();
        double[] best = {10_000, 10_400, 9_900, 10_200, 10_100};
        double[] worse = {8_000, 8_200, 7_900, 8_100, 8_050};
        for (int i = 0; i < best.length; i++) {
            points.add(sequential(POOL_64, i + 1, 400, best[i]));
            points.add(sequential(IO_4, i + 1, 300, worse[i]));
        }
        Answer.Level level = answer(points.toArray(PointResult[]::new)).levels().getFirst();
        assertThat(level.basis()).isEqualTo(Answer.Basis.REPEATS);
        assertThat(level.bestProven()).isTrue();
        assertThat(level.sentence()).contains("servlet platform w4 t1 is 20 % slower (significant, p = ");
    }

    @Test
    void theQuestionIsTheSweepFilesFirstCommentLineWithoutItsLabel() {
        assertThat(Answer.questionOf("Question: servlet or reactive on one CPU?\nWith the server on one CPU, ..."))
                .isEqualTo("servlet or reactive on one CPU?");
        assertThat(Answer.questionOf("How many threads?")).isEqualTo("How many threads?");
        assertThat(Answer.questionOf(null)).isNull();
    }

    @Test
    void anOpenLoadSweepIsAnsweredByTheCapacityAtItsSlo() throws Exception {
        Answer answer = Answer.of(SweepResults.load(FixtureSweeps.SLO));

        assertThat(answer.capacity()).isNotEmpty();
        assertThat(answer.capacity().getFirst().sentence()).contains("under open load, at p99 ≤ ")
                .contains("held it at the highest rate").endsWith("not tested against each other.");
    }

    @Test
    void theTerminalPrintsTheQuestionThenEachAnswerWithoutMarkdown() {
        Answer answer = new Answer("servlet or reactive?", answer(sequential(POOL_64, 1, 400, 10_000),
                sequential(IO_4, 1, 300, 5_000)).levels(), List.of());
        assertThat(answer.lines()).first().isEqualTo("question: servlet or reactive?");
        assertThat(answer.lines().get(1)).startsWith("answer: For /json at c64, servlet platform w1 t64 had the highest median");
        assertThat(answer.lines().get(2)).startsWith("  Recommended for /json at c64: servlet platform w1 t64");
    }

    private static Answer answer(PointResult... points) {
        return Answer.of(new SweepResults(Path.of("answer-test"), null, null, List.of(points), List.of()));
    }

    /** A paired fork: one slice of 5 s per round at each RPS, its merged throughput their mean. */
    private static PointResult paired(ConfigurationKey c, int repetition, long pssMib, double... rps) {
        List<Slice> slices = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < rps.length; i++) {
            slices.add(Slice.builder().round(i + 1).order(1).startEpochMs(0).endEpochMs(5000)
                    .requests((long) (rps[i] * 5)).ko(0).windowSeconds(5).rps(rps[i]).p99Micros(10_000L)
                    .serverCpuCores(1.0).parkedCpuCores(0).jitMs(0).gcMs(0).flags(List.of()).build());
            sum += rps[i];
        }
        return point(c, repetition, pssMib, sum / rps.length * 5 * rps.length, 5.0 * rps.length).withSlices(slices);
    }

    private static PointResult sequential(ConfigurationKey c, int repetition, long pssMib, double rps) {
        return point(c, repetition, pssMib, rps * 20, 20);
    }

    private static PointResult point(ConfigurationKey c, int repetition, long pssMib, double requests, double seconds) {
        PointKey key = PointKey.of(c, "/json", 64);
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        long mib = 1024L * 1024;
        ResourceUsage resources = ResourceUsage.builder().serverCpuCores(1.0).serverCpuCoresPeak(1.0)
                .serverRssBytes(pssMib * mib + 20 * mib).serverRssBytesPeak(pssMib * mib + 20 * mib)
                .serverPssBytes(pssMib * mib).serverThreads(26 + c.threads() * c.processes()).injectorCpuCores(0.5)
                .injectorCpus(1).otherCpuCores(0).otherCpuCoresPeak(0).build();
        return PointResult.builder(key.id() + "-r" + repetition, key, repetition)
                .window(start, start)
                .throughput(Throughput.of((long) requests, (long) requests, 0, Map.of(), seconds))
                .latency(new LatencySummary((long) requests, 5_000, 4_000, 8_000, 10_000, 20_000, 30_000, "us"))
                .resources(resources)
                .files(Map.of())
                .build();
    }
}
