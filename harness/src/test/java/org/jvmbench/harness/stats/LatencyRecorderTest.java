package org.jvmbench.harness.stats;

import org.jvmbench.protocol.Histograms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Base64;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static LatencyRecorder oneToAThousand() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long micros = 1; micros <= 1000; micros++) {
            recorder.recordMicros(micros);
        }
        return recorder;
    }

    /** What the injector writes: a 3-digit histogram, compressed, in Base64. */
    private static String injectorHistogram(long... micros) {
        Histogram histogram = new Histogram(3);
        for (long value : micros) {
            histogram.recordValue(value);
        }
        return Histograms.encode(histogram);
    }

    @Test
    void oneToAThousandOnceEachGivesTheKnownPercentiles() {
        LatencySummary summary = oneToAThousand().summary();

        // below 2048 µs three significant digits store every value exactly
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.meanMicros()).isCloseTo(500.5, within(1e-9));
        assertThat(summary.p50Micros()).isEqualTo(500);
        assertThat(summary.p90Micros()).isEqualTo(900);
        assertThat(summary.p99Micros()).isEqualTo(990);
        assertThat(summary.p999Micros()).isEqualTo(999);
        assertThat(summary.maxMicros()).isEqualTo(1000);
    }

    @Test
    void largeValuesStayWithinAThousandthOfTheTruth() {
        LatencySummary summary = new LatencyRecorder().recordMicros(1_234_567).summary();

        assertThat(summary.maxMicros()).isCloseTo(1_234_567L, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(summary.p50Micros()).isCloseTo(1_234_567L, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void p999OfFewerThanAThousandRequestsIsTheMaximum() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long micros = 1; micros <= 10; micros++) {
            recorder.recordMicros(micros * 100);
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.p999Micros()).isEqualTo(1000);
        assertThat(summary.p99Micros()).isEqualTo(1000);
        assertThat(summary.p90Micros()).isEqualTo(900);
        assertThat(summary.p50Micros()).isEqualTo(500);
    }

    @Test
    void mergingStoredHistogramsEqualsRecordingAllValuesIntoOne() {
        String odd = injectorHistogram(1, 3, 5, 7, 9, 5_000, 70_000);
        String even = injectorHistogram(2, 4, 6, 8, 10, 12_000);
        LatencyRecorder all = new LatencyRecorder();
        for (long value : new long[] {1, 3, 5, 7, 9, 5_000, 70_000, 2, 4, 6, 8, 10, 12_000}) {
            all.recordMicros(value);
        }

        LatencySummary merged = LatencyRecorder.of(List.of(odd, even)).summary();

        assertThat(merged).isEqualTo(all.summary());
        assertThat(merged.count()).isEqualTo(13);
    }

    @Test
    void mergedPercentilesAreNotTheAverageOfPercentiles() {
        // one fast and one slow repetition: averaging their p50s would give 5 000 µs, a latency no request had
        String fast = injectorHistogram(100, 100, 100);
        String slow = injectorHistogram(9_900, 9_900);

        LatencySummary merged = LatencyRecorder.of(List.of(fast, slow)).summary();

        assertThat(merged.p50Micros()).isEqualTo(100);
        assertThat(merged.maxMicros()).isCloseTo(9_900L, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void encodingThenDecodingKeepsEveryValue() {
        LatencyRecorder original = oneToAThousand().recordMicros(3_600_000_000L);

        LatencyRecorder roundTrip = LatencyRecorder.of(List.of(original.toBase64()));

        assertThat(roundTrip.summary()).isEqualTo(original.summary());
        assertThat(Histograms.decode(original.toBase64()).getTotalCount()).isEqualTo(1001);
    }

    @Test
    void mergingRecordersAddsTheirCounts() {
        LatencyRecorder merged = oneToAThousand().merge(oneToAThousand());

        assertThat(merged.count()).isEqualTo(2000);
        assertThat(merged.summary().p50Micros()).isEqualTo(500);
    }

    @Test
    void anEmptyHistogramSummarisesToZeros() {
        LatencySummary summary = new LatencyRecorder().summary();

        assertThat(summary.count()).isZero();
        assertThat(summary.meanMicros()).isZero();
        assertThat(summary.maxMicros()).isZero();
    }

    @Test
    void resolutionStatesUnitPrecisionAndWhereItWasMeasured() {
        assertThat(new LatencyRecorder().summary().resolution()).isEqualTo(
                "µs, HdrHistogram 3 significant digits (≤0.1 % relative error); "
                        + "client-side, includes Gatling per-request overhead");
    }

    @Test
    void aCoarserHistogramMergedInLowersTheStatedPrecision() {
        Histogram twoDigits = new Histogram(2);
        twoDigits.recordValue(12_345);

        LatencySummary summary = LatencyRecorder.of(List.of(Histograms.encode(twoDigits))).summary();

        assertThat(summary.resolution()).startsWith("µs, HdrHistogram 2 significant digits (≤1 % relative error)");
        assertThat(summary.count()).isEqualTo(1);
    }

    @Test
    void textThatIsNotAHistogramIsRejectedWithAReason() {
        assertThatThrownBy(() -> Histograms.decode("not base64 !"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not Base64");
        String notAHistogram = Base64.getEncoder().encodeToString("hello, world".getBytes());
        assertThatThrownBy(() -> Histograms.decode(notAHistogram))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a compressed HdrHistogram");
    }

    @Test
    void negativeLatenciesAreRejected() {
        assertThatThrownBy(() -> new LatencyRecorder().recordMicros(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
