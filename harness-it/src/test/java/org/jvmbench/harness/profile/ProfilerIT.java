package org.jvmbench.harness.profile;

import org.jvmbench.harness.settings.ProfileMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;

/** async-profiler from the harness's own class path, attached to a running JVM and detached with a flame graph. */
class ProfilerIT {

    @TempDir
    Path dir;

    @Test
    void aBusyJvmGivesAnHtmlFlameGraphAndTheEngineThatTookItIsNamed() throws Exception {
        Path source = Files.writeString(dir.resolve("Busy.java"), """
                public class Busy {
                    public static void main(String[] args) {
                        long x = 0;
                        long end = System.currentTimeMillis() + 30_000;
                        while (System.currentTimeMillis() < end) {
                            for (int i = 0; i < 1_000_000; i++) { x += i * 31L ^ x; }
                        }
                        System.out.println(x);
                    }
                }
                """);
        Process busy = ChildProcesses.start(List.of(ChildProcesses.javaBinary(), source.toString()), dir.resolve("busy.log"));
        try {
            waitUntilRunning(busy);
            Profiler profiler = Profiler.install(dir.resolve("profiler"));
            Profiler.Engine engine = profiler.engine(busy.pid(), ProfileMode.CPU, dir);

            profiler.start(busy.pid(), engine);
            Thread.sleep(2_000);
            Path flame = dir.resolve("cpu.html");
            profiler.stop(busy.pid(), flame);

            assertThat(profiler.version()).isEqualTo("4.2");
            assertThat(engine.description()).isIn("perf_events (cpu-clock)", "ctimer (perf events not permitted here)");
            assertThat(flame).content().contains("<html").contains("Busy.main");
            assertThat(profiler.settings(engine)).startsWith("async-profiler 4.2, cpu via ");
        } finally {
            ChildProcesses.stop(busy, java.time.Duration.ofSeconds(2));
        }
    }

    @Test
    void anUnknownModeIsOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProfileMode.parse("foo"))
                .withMessage("unknown profile 'foo' (known: cpu, alloc, wall, lock)");
    }

    /** The JVM is attachable once it has compiled and started its class: its log is still empty then, so poll attach. */
    private static void waitUntilRunning(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (process.info().totalCpuDuration().map(d -> d.toMillis() > 1_500).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the busy JVM did not get going");
    }
}
