package org.jvmbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jvmbench.harness.environment.MachineCache;

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

        assertThat(ReadySweep.list(sweeps, 2, sweep -> null)).containsExactly(
                new ReadySweep("broken", "", 0, Duration.ZERO,
                        sweeps.resolve("broken.yaml") + ": servers: empty list: give at least one server entry"),
                // nothing measured here: two calibrations of 6 s; the injector's ceiling probed, 55 s and
                // 13 s at each of c1 and c4; one fork: 8 s + 5 s warm-up; two points: 2 x (10 s + 3 s)
                new ReadySweep("small", "does one connection differ from four?", 2, Duration.ofSeconds(12 + 55 + 26 + 39), null));

        MachineCache cache = MachineCache.open(sweeps.resolve("cache"), new MachineCache.Key("cpu", 2, "k", "jdk", "c", "0", "1"));
        cache.putCeilings(new MachineCache.Ceilings(Instant.now(), 100_000, Map.of("/json c1", 2_000.0, "/json c4", 8_000.0)));
        cache.learn("calibration", 4);
        cache.learn("fork start", 6);
        cache.learn("warm-up servlet platform /json", 3);
        assertThat(ReadySweep.list(sweeps, 2, sweep -> cache)).last().extracting(ReadySweep::estimate)
                .as("this machine's own times, and its cached ceilings: no probe")
                .isEqualTo(Duration.ofSeconds(2 * 4 + 6 + 3 + 26));
    }
}
