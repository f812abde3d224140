package org.jvmbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What ./bench sweeps shows of each file: its question's first line, size and ETA, or why it does not read. */
class ReadySweepTest {

    @Test
    void listsEachSweepWithItsQuestionPointsAndEstimateAndABrokenOneWithItsProblem(@TempDir Path sweeps) throws Exception {
        Files.writeString(sweeps.resolve("small.yaml"), """
                # Question: does one connection differ from four?
                # (a second line the listing leaves out)
                duration: 10s
                warmup: 5s
                cpus: {server: "0", injector: "1"}
                load: {endpoints: /json, concurrency: [1, 4]}
                servers:
                  - app: servlet
                """);
        Files.writeString(sweeps.resolve("broken.yaml"), "servers: []\n");

        assertThat(ReadySweep.list(sweeps, 2)).containsExactly(
                new ReadySweep("broken", "", 0, Duration.ZERO,
                        sweeps.resolve("broken.yaml") + ": servers: empty list: give at least one server entry"),
                // one run: 8 s + 5 s warm-up; two points: 2 x (10 s + 3 s)
                new ReadySweep("small", "does one connection differ from four?", 2, Duration.ofSeconds(39), null));
    }
}
