package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.Keys;
import org.junit.jupiter.api.Test;

/** A paired run's answer: each configuration against the baseline, round by round within each fork. */
class PairedTableTest {

    private static final ConfigurationKey A = Keys.configuration("servlet", 1, 64, false, 1);
    private static final ConfigurationKey B = Keys.configuration("servlet", 4, 1, false, 1);

    @Test
    void theRatioIsTakenRoundByRoundWithinAForkAndMatchedByRoundNotByPlace() {
        List<PointResult> points = new ArrayList<>();
        // the machine moves from round to round (1,000 → 2,000 → 1,500), B keeps 90 % of A in every round
        points.add(point(A, 1, slices(1000, 2000, 1500)));
        points.add(point(B, 1, reversed(slices(900, 1800, 1350))));
        points.add(point(A, 2, slices(1200, 1100, 1000)));
        points.add(point(B, 2, slices(1080, 990, 900)));

        PairedTable table = PairedTable.of(points);

        assertThat(table.rows()).hasSize(1);
        PairedTable.Comparison c = table.rows().getFirst();
        assertThat(c.baseline()).isEqualTo(A);
        assertThat(c.configuration()).isEqualTo(B);
        assertThat(c.throughput().median()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.throughput().low()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.throughput().high()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.throughput().forkPairs()).isEqualTo(2);
        assertThat(c.throughput().rounds()).isEqualTo(6);
        assertThat(c.throughputWords()).isEqualTo("servlet platform w4 t1 is 10 % slower than servlet platform w1 t64 (95 % CI 10–10 %)");
        // per fork its slices' median (A 1,500 and 1,100; B 1,350 and 990), then their median and range:
        // the machine moved between the forks, so one pool of slices would blur them
        assertThat(c.baselineRps()).isEqualTo(new Spread(1300.0, 1100.0, 1500.0, 2));
        assertThat(c.rps()).isEqualTo(new Spread(1170.0, 990.0, 1350.0, 2));
    }

    @Test
    void aRoundInWhichASliceCompletedNothingHasNoRatioAndIsCounted() {
        List<PointResult> points = List.of(point(A, 1, slices(1000, 1000, 1000, 1000)), point(B, 1, slices(1000, 0, 1010, 990)));
        PairedTable.Comparison c = PairedTable.of(points).rows().getFirst();
        assertThat(c.leftOut()).isEqualTo(1);
        assertThat(c.throughput().rounds()).isEqualTo(3);
        // one fork pair: its rounds agree within 1 %, but two JVMs say nothing of the next two
        assertThat(c.throughputWords()).startsWith("cannot tell from one fork pair (JVMs differ from fork to fork): its rounds' 95 % CI −");
    }

    @Test
    void aRunWithoutSlicesHasNoPairedComparison() {
        PointResult sequential = point(A, 1, List.of()).withSlices(null);
        assertThat(PairedTable.of(List.of(sequential)).isEmpty()).isTrue();
    }

    @Test
    void theSummaryOpensItsTablesWithThePairedComparison() {
        StringBuilder md = new StringBuilder();
        MarkdownSummary.appendPaired(md, PairedTable.of(List.of(point(A, 1, slices(1000, 2000, 1500)),
                point(B, 1, slices(900, 1800, 1350)))), null);
        assertThat(md.toString()).startsWith("## Paired comparison\n\n")
                .contains("| /json | c64 | servlet platform w4 t1 | 1,350 | 1,500 (servlet platform w1 t64) | 0.900 (0.900–0.900) |")
                .contains("| 1 × 3 | – | cannot tell from one fork pair (JVMs differ from fork to fork): its rounds' 95 % CI −10 to −10 %");
    }

    private static List<Slice> slices(double... rps) {
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < rps.length; i++) {
            slices.add(Slice.builder().round(i + 1).order(1).startEpochMs(0).endEpochMs(5000)
                    .requests((long) (rps[i] * 5)).ko(0).windowSeconds(5).rps(rps[i]).p99Micros(10_000L)
                    .serverCpuCores(1.0).parkedCpuCores(0).jitMs(0).gcMs(0).flags(List.of()).build());
        }
        return slices;
    }

    private static List<Slice> reversed(List<Slice> slices) {
        List<Slice> copy = new ArrayList<>(slices);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static PointResult point(ConfigurationKey c, int repetition, List<Slice> slices) {
        PointKey key = PointKey.of(c, "/json", 64);
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        return PointResult.builder(key.id() + "-r" + repetition, key, repetition)
                .window(start, start)
                .throughput(Throughput.of(1, 1, 0, Map.of(), 1))
                .files(Map.of())
                .slices(slices)
                .build();
    }
}
