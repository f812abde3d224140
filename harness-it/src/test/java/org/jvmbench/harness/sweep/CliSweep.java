package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;

/** {@code ./bench sweep FILE --out DIR} run from the test classpath as a process of its own, as a user runs it. */
final class CliSweep {

    private CliSweep() {
    }

    /**
     * Runs the sweep to its end and fails unless it exits 0 within {@code minutes}; returns the run folder.
     *
     * @param cache the machine cache to use, or null for the one the tests share
     */
    static Path run(Path file, Path cache, Path out, int minutes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(), "sweep", file.toString(),
                "--out", out.toString()));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile());
        if (cache != null) {
            builder.environment().put(MachineCache.DIR_VARIABLE, cache.toString());
        }
        Process bench = builder.start();
        try {
            assertThat(bench.waitFor(minutes, TimeUnit.MINUTES)).as("the sweep ended; output:%n%s", Files.readString(log)).isTrue();
            assertThat(bench.exitValue()).as("exit; output:%n%s", Files.readString(log)).isZero();
            return out;
        } finally {
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
    }
}
