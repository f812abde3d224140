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

    @Test
    void oneSweepAtATimeHoldsAFolder() throws IOException {
        RunFolder folder = new RunFolder(tmp.resolve("run"));
        try (RunFolder.Lock held = folder.lock()) {
            assertThatIllegalArgumentException().isThrownBy(folder::lock)
                    .withMessage(folder.root() + " is in use by a running sweep (pid " + ProcessHandle.current().pid()
                            + "); wait for it to end, or stop it first");
        }
        try (RunFolder.Lock again = folder.lock()) {
            assertThat(folder.lockFile()).isRegularFile();
        }
    }

    @Test
    void anOutFolderMustBeEmptyButForItsLockAndCreatable() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");

        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.at(file)).withMessage(file + " exists and is not a folder");
        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.at(full))
                .withMessage(full + " is not empty; to continue a sweep there use --resume " + full);
        assertThatIllegalArgumentException().isThrownBy(() -> RunFolder.at(Path.of("/proc/x")))
                .withMessageStartingWith("cannot create /proc/x: ");
        assertThat(RunFolder.at(tmp.resolve("new/run")).root()).isDirectory();
    }
}
