package org.jvmbench.harness.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvmbench.harness.sampling.Synthetic.at;
import static org.jvmbench.harness.sampling.Synthetic.epochMs;
import static org.jvmbench.harness.sampling.Synthetic.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {

    private static final Targets TARGETS = new Targets(List.of(1L, 2L), 9L);

    private static List<Sample> samples() {
        return List.of(
                at(0, TARGETS, 0, process(1, 0, 1000), process(2, 0, 2000), process(9, 0, 500)),
                at(1, TARGETS, 1500, process(1, 600, 1000), process(2, 400, 2000), process(9, 300, 500)),
                // server 2 has exited
                at(2, TARGETS, 2400, process(1, 1200, 1100), process(9, 600, 500)),
                at(3, TARGETS, 3000, process(1, 1500, 1100), process(9, 800, 500)));
    }

    @Test
    void writesTheWindowsRawCountersWithEmptyCellsForAGoneProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("samples.csv");

        SamplesCsv.write(file, samples(), epochMs(0), epochMs(2));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.get(0)).isEqualTo("epochMs,elapsedMs,machine.busyNanos,cpu0.busyNanos,"
                + "server.1.cpuNanos,server.1.rssBytes,server.1.pssBytes,server.1.threads,"
                + "server.2.cpuNanos,server.2.rssBytes,server.2.pssBytes,server.2.threads,"
                + "injector.9.cpuNanos,injector.9.rssBytes,"
                + "serverCpuCores,injectorCpuCores,otherCpuCores");
        assertThat(lines.get(1)).isEqualTo(epochMs(0) + ",0,0,0,0,1000,500,10,0,2000,1000,10,0,500,,,");
        assertThat(lines.get(2)).isEqualTo(epochMs(1) + ",1000,1500000000,1500000000,"
                + "600000000,1000,500,10,400000000,2000,1000,10,300000000,500,1.0000,0.3000,0.2000");
        assertThat(lines.get(3)).isEqualTo(epochMs(2) + ",2000,2400000000,2400000000,"
                + "1200000000,1100,550,10,,,,,600000000,500,0.6000,0.3000,0.0000");
    }

    @Test
    void writesTheSameSamplesTheUsageIsComputedFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("samples.csv");

        SamplesCsv.write(file, samples(), epochMs(1.5), epochMs(1.9));

        assertThat(WindowUsage.of(samples(), epochMs(1.5), epochMs(1.9)).intervals()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).hasSize(1 + 2)
                .element(1).asString().startsWith(epochMs(1) + ",");
    }
}
