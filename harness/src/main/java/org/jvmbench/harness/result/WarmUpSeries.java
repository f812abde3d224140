package org.jvmbench.harness.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seconds of one warm-up, kept so a report can draw throughput against time since the
 * server started (how long a configuration takes to reach its peak, second by second). One file
 * per fork and endpoint warmed, {@code servers/<fork id>/warmup-<endpoint>.json}; every point
 * measured after that warm-up links it in {@link PointResult#files()} under {@link #FILE_KEY}.
 * The warm-up runs as slices with gaps between them, so seconds carry their epoch second rather
 * than an index.
 *
 * @param endpoint           the endpoint warmed
 * @param users              closed-model users during the warm-up
 * @param serverStartEpochMs when the first of the fork's JVMs started (its own clock, from {@code /info}), or null
 * @param seconds            whole wall-clock seconds of load, in order, each with the requests completed in it
 * @param jit                the server's compilation time (summed over its JVMs) read between slices
 */
public record WarmUpSeries(String endpoint, int users, Long serverStartEpochMs, List<Second> seconds, List<JitReading> jit) {

    /** The key of {@link PointResult#files()} that links a point to the warm-up before it. */
    public static final String FILE_KEY = "warmUpSeries";

    public WarmUpSeries {
        seconds = seconds == null ? List.of() : List.copyOf(seconds);
        jit = jit == null ? List.of() : List.copyOf(jit);
    }

    /** Requests completed in the wall-clock second starting at {@code epochSecond}. */
    public record Second(long epochSecond, long completed) {
    }

    /** Compilation time of the server's JVMs at a moment; negative when a JVM did not say. */
    public record JitReading(long epochMs, long compilationMs) {
    }

    /** The file name inside the fork's folder for {@code endpoint}: {@code warmup-io_ms_10.json}. */
    public static String fileName(String endpoint) {
        return "warmup-" + endpoint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + ".json";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, Json.MAPPER.writeValueAsString(this));
    }

    public static WarmUpSeries read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), WarmUpSeries.class);
    }
}
