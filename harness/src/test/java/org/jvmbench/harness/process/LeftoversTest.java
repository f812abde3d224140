package org.jvmbench.harness.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;

    /** A pid no process has: the highest the kernel hands out is far below it. */
    private static final long DEAD_HARNESS = 4_000_000_000L;

    private static Instant started(Process p) {
        return p.toHandle().info().startInstant().orElseThrow();
    }

    @Test
    void aChildOfADeadHarnessIsStoppedAndNamed() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "60").start();
        try {
            new Leftovers(dir, DEAD_HARNESS, Instant.parse("2026-01-01T00:00:00Z"))
                    .write(List.of(new Leftovers.Child(orphan.pid(), started(orphan), "servlet-undertow.jar")));
            StringWriter out = new StringWriter();

            int stopped = new Leftovers(dir, ProcessHandle.current().pid(), Instant.now()).stopLeftovers(new PrintWriter(out));

            assertThat(stopped).isOne();
            assertThat(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(out.toString()).isEqualTo("stopped pid " + orphan.pid()
                    + " (servlet-undertow.jar), left running by a harness that died (pid " + DEAD_HARNESS + ")" + System.lineSeparator());
            assertThat(dir.resolve(DEAD_HARNESS + ".txt")).doesNotExist();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsLeftAlone() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Instant otherStart = started(unrelated).minus(Duration.ofHours(1));
            new Leftovers(dir, DEAD_HARNESS, Instant.parse("2026-01-01T00:00:00Z"))
                    .write(List.of(new Leftovers.Child(unrelated.pid(), otherStart, "injector")));

            int stopped = new Leftovers(dir, ProcessHandle.current().pid(), Instant.now()).stopLeftovers(new PrintWriter(new StringWriter()));

            assertThat(stopped).isZero();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void theChildrenOfALiveHarnessAreNotTouched() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessHandle self = ProcessHandle.current();
            Leftovers live = new Leftovers(dir, self.pid(), self.info().startInstant().orElseThrow());
            live.write(List.of(new Leftovers.Child(child.pid(), started(child), "server")));

            int stopped = new Leftovers(dir, DEAD_HARNESS, Instant.now()).stopLeftovers(new PrintWriter(new StringWriter()));

            assertThat(stopped).isZero();
            assertThat(child.isAlive()).isTrue();
            live.write(List.of());
            assertThat(Files.list(dir)).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }
}
