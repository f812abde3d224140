package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.WarmUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @Test
    void everyScalarOfTheResultHasAColumnNamedWithItsUnit() {
        List<String> expected = new ArrayList<>();
        scalarColumns(PointResult.class, "", expected);

        assertThat(expected).as("what the walk over the records found")
                .contains("rps", "latency_p99_us", "server_rss_bytes", "virtual_threads", "client_requests")
                .hasSizeGreaterThan(35);
        assertThat(ResultsCsv.columnNames()).containsAll(expected);
    }

    @Test
    void textWithCommasQuotesOrNewlinesIsQuotedAndFlagsAreJoined(@TempDir Path tmp) throws IOException {
        Path dir = SweepFixture.named("q", 9).durationSeconds(10).withoutRunFiles()
                .modelled(key("servlet", 2, 8, false, 1, "/io?ms=5,6", 8), 1,
                        new Flag(Flag.Code.ERRORS, "0.4 % failed, \"timeout\" mostly"),
                        new Flag(Flag.Code.COUNT_MISMATCH, "client 100, server 98"))
                .writeTo(tmp.resolve("q"));

        Path csv = new ResultsCsv().write(SweepResults.load(dir), dir);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .contains(",\"/io?ms=5,6\",")
                .contains(",ERRORS;COUNT_MISMATCH,\"0.4 % failed, \"\"timeout\"\" mostly | client 100, server 98\",")
                .contains(",timeout=");
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** The column a record component becomes: snake case, prefixed inside latency, micros as _us. */
    private static void scalarColumns(Class<?> type, String prefix, List<String> columns) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == CapacityProbe.class) {
                // the endpoint's closed run in the fork, the same for each of its points: its RPS is
                // open_capacity_rps, its latency stays in results.jsonl beside the point's
                continue;
            }
            if (t.isRecord() && t != PointKey.class) {
                String nested = t == LatencySummary.class ? snake(c.getName()) + "_" : t == WarmUp.class ? "warmup_"
                        : t == Startup.class ? "startup_" : t == OpenLoad.class ? "open_" : "";
                scalarColumns(t, prefix + nested, columns);
            } else if (t.isRecord()) {
                scalarColumns(t, "", columns);
            } else if (t.isPrimitive() || Number.class.isAssignableFrom(t) || t == String.class
                    || t == Boolean.class || t == Instant.class || t.isEnum()) {
                String snake = snake(c.getName()).replace("_micros", "_us");
                if (!(type == PointResult.class && c.getName().equals("histogram"))
                        && !(type == OpenLoad.class && c.getName().equals("intendedHistogram"))) {
                    columns.add(prefix + snake);
                }
            } else if (Map.class.isAssignableFrom(t) && type != PointResult.class) {
                columns.add(prefix + c.getName());
            }
        }
    }
}
