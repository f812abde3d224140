package org.jvmbench.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;

/**
 * The smallest real sweep a fault can hit mid-way: one server, two short points on an endpoint
 * the injector's ceiling probe skips ({@code /io}, not {@code /json}), small heaps. About 35 s
 * on a 2-CPU machine, most of it the calibrations, the server's start and one warm-up slice.
 */
final class TinySweep {

    static final String YAML = """
            # Question: what does a fault in the middle of a sweep leave behind?
            name: faults
            duration: 3s
            warmup: 1s
            requestTimeout: 2s
            heap: 64m
            injectorHeap: 256m
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/io?ms=5"]
              concurrency: [2, 4]
            servers:
              - app: servlet
                workers: 1
                threads: 4
            """;

    static final String FIRST = "servlet-p1-w1-t4-io_ms_5-c2-r1";
    static final String SECOND = "servlet-p1-w1-t4-io_ms_5-c4-r1";

    private TinySweep() {
    }

    static Path write(Path dir) throws IOException {
        return Files.writeString(Files.createDirectories(dir).resolve("faults.yaml"), YAML);
    }

    /** Complete lines of {@code results.jsonl} (a line is complete once its newline is written). */
    static long completeLines(Path run) {
        Path results = run.resolve("results.jsonl");
        try {
            return Files.exists(results) ? Files.readString(results).chars().filter(c -> c == '\n').count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the measured phase of {@code pointId} is under way: the injector opened the point's console log. */
    static boolean measuring(Path run, String pointId) {
        return Files.exists(run.resolve("points").resolve(pointId).resolve("gatling.log"));
    }

    /** Every line of the results parsed strictly: one whole point each, nothing torn. */
    static List<PointResult> results(Path run) throws IOException {
        Path file = run.resolve("results.jsonl");
        String text = Files.readString(file);
        assertThat(text).as("results.jsonl ends with a whole line").endsWith("\n");
        List<PointResult> all = ResultsLog.read(file);
        assertThat(all).as("every line of results.jsonl is a point").hasSize((int) text.lines().count());
        return all;
    }

    /** A point that was measured, and not blamed on the server. */
    static void measuredWithoutServerFault(PointResult point) {
        assertThat(point.throughput()).as(point.id() + " measured").isNotNull();
        assertThat(point.throughput().requests()).as(point.id() + " requests").isPositive();
        assertThat(point.flags()).as(point.id() + " flags").extracting(Flag::code)
                .doesNotContain(Flag.Code.SERVER_HUNG, Flag.Code.SERVER_DIED);
    }
}
