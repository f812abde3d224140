package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemotePathsTest {

    @Test
    void keepsAFilesPlaceInTheRunFolderUnderTheHostsRunFolder() {
        assertThat(RemotePaths.under("/home/b/.cache/jvm-bench/runs/r1/injector-0", Path.of("/work/reports/r1"),
                Path.of("/work/reports/r1/points/p1/phase.json")))
                .isEqualTo("/home/b/.cache/jvm-bench/runs/r1/injector-0/points/p1/phase.json");
    }

    @Test
    void keepsOnlyTheNameOfAFileOutsideTheRunFolder() {
        assertThat(RemotePaths.under("/r", Path.of("/work/reports/r1"), Path.of("/tmp/x/../elsewhere.json")))
                .isEqualTo("/r/outside/elsewhere.json");
    }
}
