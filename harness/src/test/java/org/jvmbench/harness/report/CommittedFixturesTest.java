package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture folders the golden and comparison tests read are committed files; this keeps
 * them equal to what {@link FixtureSweeps} makes, so the builder stays their explanation.
 * {@code -Dreport.fixtures.write=true} rewrites them.
 */
class CommittedFixturesTest {

    @Test
    void committedFixturesAreWhatTheBuilderMakes(@TempDir Path tmp) throws IOException {
        if (Boolean.getBoolean("report.fixtures.write")) {
            FixtureSweeps.writeAll();
        }
        for (Map.Entry<Path, SweepFixture> e : FixtureSweeps.all().entrySet()) {
            Path fresh = tmp.resolve(e.getKey().getFileName().toString() + "-" + e.getKey().getParent().getFileName());
            e.getValue().writeTo(fresh, e.getKey().equals(FixtureSweeps.INTERRUPTED) ? 900 : -1);
            List<Path> expected = files(fresh);
            assertThat(files(e.getKey()))
                    .as("files of %s (regenerate with -Dreport.fixtures.write=true)", e.getKey())
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (Path file : expected) {
                assertThat(e.getKey().resolve(file.toString()))
                        .as("%s in %s (regenerate with -Dreport.fixtures.write=true)", file, e.getKey())
                        .hasSameTextualContentAs(fresh.resolve(file.toString()));
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
