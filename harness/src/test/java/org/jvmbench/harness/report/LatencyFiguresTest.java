package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.Keys;
import org.junit.jupiter.api.Test;

class LatencyFiguresTest {

    private static final PointKey KEY = Keys.point("servlet", 2, 8, false, 1, "/hello", 8);

    /** A run whose every request took {@code micros}, {@code count} times. */
    private static PointResult run(int repetition, long micros, long count, boolean withHistogram) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        h.recordValueWithCount(micros, count);
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return PointResult.builder(KEY.id() + "-r" + repetition, KEY, repetition)
                .schema(1)
                .window(Instant.EPOCH, Instant.EPOCH)
                .throughput(new Throughput(count, count, 0, Map.of(), 10, count / 10.0))
                .latency(new LatencySummary(count, micros, micros, micros, micros, micros, micros, "test"))
                .histogram(withHistogram ? Base64.getEncoder().encodeToString(bytes) : null)
                .files(Map.of())
                .build();
    }

    @Test
    void singleRepetitionShowsTheFiguresItRecorded() {
        LatencyFigures f = LatencyFigures.of(List.of(run(1, 1_000, 500, true)));

        assertThat(f.method()).isEqualTo(LatencyFigures.Method.SINGLE_REPETITION);
        assertThat(f.figures().p99Micros()).isEqualTo(1_000);
        assertThat(f.figures().count()).isEqualTo(500);
    }

    @Test
    void repeatsMergeTheirHistogramsInsteadOfAveragingPercentiles() {
        // 990 fast requests in one run, 10 slow ones in the other: 1 % of all requests are slow
        LatencyFigures f = LatencyFigures.of(List.of(run(1, 1_000, 990, true), run(2, 100_000, 10, true)));

        assertThat(f.method()).isEqualTo(LatencyFigures.Method.MERGED_HISTOGRAMS);
        assertThat(f.figures().count()).isEqualTo(1_000);
        assertThat(f.figures().p50Micros()).isCloseTo(1_000, within(1L));
        assertThat(f.figures().p99Micros()).as("the 99th percentile of all requests").isCloseTo(1_000, within(1L));
        assertThat(f.figures().p999Micros()).isCloseTo(100_000, within(100L));
        assertThat(f.figures().maxMicros()).isCloseTo(100_000, within(100L));
        assertThat(f.figures().meanMicros()).isCloseTo((990 * 1_000.0 + 10 * 100_000.0) / 1_000, within(50.0));
        // averaging the runs' p99s would have said 50.5 ms
        assertThat(f.figures().p99Micros()).isNotCloseTo(50_500, within(40_000L));
    }

    @Test
    void repeatsWithAMissingHistogramFallBackToTheMedianRepetitionAndSaySo() {
        LatencyFigures f = LatencyFigures.of(List.of(run(1, 1_000, 100, true), run(2, 2_000, 100, false),
                run(3, 9_000, 100, true)));

        assertThat(f.method()).isEqualTo(LatencyFigures.Method.MEDIAN_OF_REPETITIONS);
        assertThat(f.figures().p99Micros()).isEqualTo(2_000);
        assertThat(f.figures().maxMicros()).as("the slowest request of any run").isEqualTo(9_000);
        assertThat(f.figures().count()).isEqualTo(300);
    }

    @Test
    void unreadableHistogramCountsAsMissing() {
        PointResult broken = run(2, 2_000, 100, true);
        broken = broken.toBuilder().histogram("not base64 at all!").build();

        assertThat(LatencyFigures.decode("not base64 at all!")).isNull();
        assertThat(LatencyFigures.decode(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))).isNull();
        assertThat(LatencyFigures.of(List.of(run(1, 1_000, 100, true), broken)).method())
                .isEqualTo(LatencyFigures.Method.MEDIAN_OF_REPETITIONS);
    }

    @Test
    void thePageGetsTheFiguresFlatBesideHowTheyWereObtainedAsBeforeTheyWereOneRecord() {
        LatencyFigures f = LatencyFigures.of(List.of(run(1, 1_000, 990, true), run(2, 100_000, 10, true)));

        assertThat(ReportJson.forScript(f)).startsWith("{\"count\":1000,\"meanMicros\":")
                .contains("\"p50Micros\":", "\"p90Micros\":", "\"p99Micros\":", "\"p999Micros\":", "\"maxMicros\":")
                .endsWith(",\"method\":\"MERGED_HISTOGRAMS\"}")
                .doesNotContain("figures", "resolution");
    }
}
