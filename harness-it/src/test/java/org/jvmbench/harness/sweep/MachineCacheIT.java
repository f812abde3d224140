package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine cache through the CLI, three real sweeps on one cache: the first measures the
 * injector's ceiling and keeps it, the second takes it from the cache (its calibration within
 * the tolerance), and after the cached calibration is made twice as fast as this machine's, the
 * third sets the cache aside and measures again: a machine that moved is probed, not trusted.
 */
class MachineCacheIT {

    private static final String SWEEP = """
            # Question: is the injector's ceiling measured once and reused while the machine holds still?
            name: cache
            duration: 2s
            warmup: 1s
            requestTimeout: 2s
            heap: 64m
            injectorHeap: 256m
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [4]
            servers:
              - app: servlet
                workers: 1
                threads: 4
            """;

    @Test
    void measuresTheCeilingOnceReusesItAndMeasuresAgainWhenTheCalibrationMoved(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("cache.yaml"), SWEEP);
        Path cache = tmp.resolve("machine-cache");

        Path first = CliSweep.run(file, cache, tmp.resolve("first"), 6);
        assertThat(progress(first)).contains("ETA ", "(nothing measured on this machine yet)",
                "injector ceilings: measuring (nothing cached for this machine)", "injector ceiling on /json at c4 against the reference target");
        assertThat(ceilingSource(first)).startsWith("measured at the start of this sweep");
        Path kept;
        try (Stream<Path> files = Files.list(cache)) {
            kept = files.filter(f -> f.getFileName().toString().matches("machine-[0-9a-f]{16}\\.json")).findFirst().orElseThrow();
        }
        assertThat(Json.MAPPER.readTree(kept.toFile()).at("/ceilings/rpsByLoad/~1json c4").asDouble()).isPositive();
        assertThat(Json.MAPPER.readTree(kept.toFile()).at("/seconds/fork start")).isNotEmpty();

        Path second = CliSweep.run(file, cache, tmp.resolve("second"), 6);
        assertThat(progress(second)).contains("(from what this machine measured before)", "injector ceilings cached: measured ",
                "within ±10 %").doesNotContain("against the reference target");
        assertThat(ceilingSource(second)).startsWith("cached: measured ");
        assertThat(Json.MAPPER.readTree(second.resolve("environment.json").toFile()).at("/timeSpent/probing").asDouble()).isZero();

        ObjectNode contents = (ObjectNode) Json.MAPPER.readTree(kept.toFile());
        ObjectNode ceilings = (ObjectNode) contents.get("ceilings");
        ceilings.put("calibrationOpsPerSecond", ceilings.get("calibrationOpsPerSecond").asDouble() * 2);
        Json.MAPPER.writeValue(kept.toFile(), contents);

        Path third = CliSweep.run(file, cache, tmp.resolve("third"), 6);
        assertThat(progress(third)).contains("injector ceilings: measuring (cached ceilings set aside: the calibration is ",
                "beyond ±10 %)", "injector ceiling on /json at c4 against the reference target");
        assertThat(Json.MAPPER.readTree(kept.toFile()).at("/ceilings/calibrationOpsPerSecond").asDouble())
                .as("the cache holds the calibration measured beside the new ceilings")
                .isLessThan(ceilings.get("calibrationOpsPerSecond").asDouble() * 0.9);
    }

    private static String progress(Path run) throws IOException {
        return Files.readString(run.resolve("progress.log"));
    }

    private static String ceilingSource(Path run) throws IOException {
        return Json.MAPPER.readTree(run.resolve("environment.json").toFile()).get("injectorCeilingSource").asText();
    }
}
