package org.jvmbench.harness.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.jsonl keeps whole points only: what a crash or a failed write leaves is never half a point. */
class ResultsLogTest {

    @TempDir
    Path dir;

    private static PointResult point(String endpoint) {
        PointKey key = Keys.point("servlet", 1, 4, false, 1, endpoint, 2);
        return PointResult.builder(key.id() + "-r1", key, 1)
                .window(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:03Z"))
                .throughput(Throughput.of(300, 300, 0, Map.of(), 3.0))
                .files(Map.of())
                .build();
    }

    @Test
    void aLineTornByACrashIsCutOnRepairAndTheNextPointAppendsWhole() throws Exception {
        RunFolder folder = new RunFolder(dir);
        ResultsLog log = new ResultsLog(folder);
        log.append(point("/json"));
        Files.writeString(folder.results(), "{\"schema\":2,\"id\":\"servlet-p1-w1-t4-io", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(log.read()).extracting(PointResult::id).containsExactly("servlet-p1-w1-t4-json-c2-r1");
        log.repair();
        log.append(point("/io?ms=5"));

        assertThat(Files.readAllLines(folder.results())).hasSize(2);
        assertThat(log.read()).extracting(PointResult::id)
                .containsExactly("servlet-p1-w1-t4-json-c2-r1", "servlet-p1-w1-t4-io_ms_5-c2-r1");
    }

    @Test
    void aFailedAppendNamesTheFileAndItsReason() throws Exception {
        // a folder where the file should be: the operating system refuses the write
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(folder.results());

        assertThatIOException().isThrownBy(() -> new ResultsLog(folder).append(point("/json")))
                .withMessageStartingWith("cannot write " + folder.results() + ": ");
    }
}
