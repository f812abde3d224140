package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Locks a written file against a committed one. To accept a deliberate change, run the tests
 * with {@code -Dreport.golden.update=true}, which rewrites the goldens, and review the diff.
 */
final class GoldenFile {

    static final Path ROOT = FixtureSweeps.ROOT.resolve("golden");
    static final boolean UPDATE = Boolean.getBoolean("report.golden.update");

    private GoldenFile() {
    }

    static void assertMatches(Path written, String golden) throws IOException {
        Path goldenFile = ROOT.resolve(golden);
        String actual = Files.readString(written, StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(goldenFile.getParent());
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile).as("golden file %s (create it with -Dreport.golden.update=true)", goldenFile).exists();
        assertThat(actual)
                .as("%s differs from golden %s; if the change is intended, rerun with -Dreport.golden.update=true",
                        written.getFileName(), goldenFile)
                .isEqualTo(Files.readString(goldenFile, StandardCharsets.UTF_8));
    }

    /** A fixture folder copied, so rendering into it never touches the committed files. */
    static Path copyOf(Path fixture, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = into.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return into;
    }
}
