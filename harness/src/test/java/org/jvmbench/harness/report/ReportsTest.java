package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @Test
    void sweepWithNoPointYetStillGetsEveryReport(@TempDir Path tmp) throws IOException {
        Path dir = SweepFixture.named("just-started", 1).writeTo(tmp.resolve("s"));

        List<Path> written = Reports.render(dir);

        assertThat(written).containsExactly(dir.resolve("results.csv"), dir.resolve("summary.md"),
                dir.resolve("index.html"));
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1).first().asString().startsWith("schema,id,");
        assertThat(dir.resolve("summary.md")).content().contains("# just-started", "No point has completed yet.");
    }

    @Test
    void renderingAgainGivesTheSameFiles(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.INTERRUPTED, tmp.resolve("i"));
        Reports.render(dir);
        String first = Files.readString(dir.resolve("index.html"));

        Reports.render(dir);

        assertThat(dir.resolve("index.html")).content().isEqualTo(first);
    }

    @Test
    void folderThatIsNotASweepIsRefused(@TempDir Path tmp) {
        assertThatThrownBy(() -> Reports.render(tmp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a sweep folder");
    }
}
