package org.jvmbench.harness.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aRelativeOutFolderBecomesAbsoluteBecauseTheInjectorRunsElsewhere() throws IOException {
        RunFolder folder = RunFolder.at(tmp.resolve("a/../run"));
        assertThat(folder.root()).isAbsolute().isEqualTo(tmp.resolve("run").toAbsolutePath());
        assertThat(new RunFolder(Path.of("reports/x")).root()).isAbsolute()
                .isEqualTo(Path.of("").toAbsolutePath().resolve("reports/x"));
        assertThat(folder.point("p1").dir()).isAbsolute();
    }

    @Test
    void aFolderWithItsSweepOrItsResultsIsARunFolderAndOnlyOneWithItsSweepResumes() throws IOException {
        Path onlyResults = Files.createDirectories(tmp.resolve("copied"));
        Files.writeString(onlyResults.resolve(RunFolder.RESULTS), "");
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(RunFolder.isRunFolder(onlyResults)).isTrue();
        assertThat(RunFolder.existing(onlyResults).results()).isRegularFile();
        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.resumable(onlyResults))
                .withMessage(onlyResults + " cannot be resumed: it has no sweep.json to rebuild the plan from");
        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.existing(empty))
                .withMessage(empty + " is not a sweep folder (it has neither sweep.json nor results.jsonl)");
        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.existing(tmp.resolve("missing")))
                .withMessage(tmp.resolve("missing") + " is not a folder");
    }

    @Test
    void aForkNamesOneLogPerServerProcess() {
        RunFolder.ForkFiles fork = new RunFolder(tmp).fork("servlet-p2-w1-t8-r1");
        assertThat(fork.serverLog(0, 1).getFileName()).hasToString("server.log");
        assertThat(fork.serverLog(1, 2).getFileName()).hasToString("server-1.log");
    }
}
