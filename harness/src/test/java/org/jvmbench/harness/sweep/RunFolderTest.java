package org.jvmbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aRelativeOutFolderBecomesAbsoluteBecauseTheInjectorRunsElsewhere() throws IOException {
        RunFolder folder = RunFolder.at(tmp.resolve("a/../run"));
        assertThat(folder.root()).isAbsolute().isEqualTo(tmp.resolve("run").toAbsolutePath());
        assertThat(new RunFolder(Path.of("reports/x")).root()).isAbsolute()
                .isEqualTo(Path.of("").toAbsolutePath().resolve("reports/x"));
        assertThat(folder.point("p1")).isAbsolute();
    }
}
