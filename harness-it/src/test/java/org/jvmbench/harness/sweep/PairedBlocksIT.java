package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paired sweep bounded to two server JVMs at once, through the CLI: three configurations
 * run in two blocks that both keep the baseline alive, so the baseline is measured in the rounds
 * of each block, the other two each in their own block's rounds, and the second configuration's
 * JVM is gone before the third's slices begin.
 */
class PairedBlocksIT {

    private static final String SWEEP = """
            # Question: do blocks that each keep the baseline chain into one paired table?
            name: blocks
            design: paired
            paired: {rounds: 3, slice: 3s, maxAlive: 2, seed: 11}
            warmup: 2s
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
                threads: [2, 4, 8]
            """;

    @Test
    void threeConfigurationsBoundToTwoJvmsRunInTwoBlocksThatBothMeasureTheBaseline(@TempDir Path tmp) throws Exception {
        Path run = CliSweep.run(Files.writeString(tmp.resolve("blocks.yaml"), SWEEP), null, tmp.resolve("run"), 8);

        assertThat(Files.readString(run.resolve("progress.log"))).contains(
                "block 1 of 2 (at most 2 server JVMs alive): servlet-p1-w1-t2-r1, servlet-p1-w1-t4-r1",
                "block 2 of 2 (at most 2 server JVMs alive): servlet-p1-w1-t2-r1, servlet-p1-w1-t8-r1",
                "round 6/6");
        Map<String, JsonNode> points = new LinkedHashMap<>();
        for (String line : Files.readAllLines(run.resolve("results.jsonl"))) {
            JsonNode point = Json.MAPPER.readTree(line);
            points.put(point.get("id").asText(), point);
        }
        assertThat(points).containsOnlyKeys("servlet-p1-w1-t2-json-c4-r1", "servlet-p1-w1-t4-json-c4-r1", "servlet-p1-w1-t8-json-c4-r1");
        assertThat(rounds(points.get("servlet-p1-w1-t2-json-c4-r1"))).as("the baseline, in both blocks").containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rounds(points.get("servlet-p1-w1-t4-json-c4-r1"))).containsExactly(1, 2, 3);
        assertThat(rounds(points.get("servlet-p1-w1-t8-json-c4-r1"))).containsExactly(4, 5, 6);
        JsonNode second = points.get("servlet-p1-w1-t4-json-c4-r1").get("slices");
        JsonNode third = points.get("servlet-p1-w1-t8-json-c4-r1").get("slices");
        assertThat(third.get(0).get("startEpochMs").asLong()).isGreaterThan(second.get(second.size() - 1).get("endEpochMs").asLong());
        for (JsonNode slice : third) {
            assertThat(slice.get("flags").toString()).as("a parked arm in block 2 is the baseline alone").doesNotContain("SERVER_");
        }

        String summary = Files.readString(run.resolve("summary.md"));
        assertThat(summary).contains("at most 2 server JVMs alive at once")
                .contains("servlet platform w1 t4").contains("servlet platform w1 t8");
        assertThat(Json.MAPPER.readTree(run.resolve("sweep.json").toFile()).at("/paired/maxAlive").asInt()).isEqualTo(2);
    }

    private static List<Integer> rounds(JsonNode point) {
        List<Integer> rounds = new ArrayList<>();
        point.get("slices").forEach(s -> rounds.add(s.get("round").asInt()));
        return rounds;
    }
}
