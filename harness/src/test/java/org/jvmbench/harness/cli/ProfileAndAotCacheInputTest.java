package org.jvmbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.server.ServerLauncher;

/** Bad profiling and AOT cache input, for sweeps and serve: one line, exit 2, nothing started. */
class ProfileAndAotCacheInputTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertOneLine(Run run, String line) {
        assertThat(run.exit).as(run.err).isEqualTo(2);
        assertThat(run.err.lines()).containsExactly(line);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void serveRefusesAnUnknownProfileMode() {
        assertOneLine(bench("serve", "--app", "servlet", "--profile", "foo"),
                "bench: --profile: unknown profile 'foo' (known: cpu, alloc, wall, lock)");
    }

    @Test
    void serveRefusesAnAotCacheThatIsNotThere() {
        int port = ServerLauncher.freePorts("127.0.0.1", 1);
        Path missing = tmp.resolve("servlet-p1.aot");
        assertOneLine(bench("serve", "--app", "servlet", "--port", String.valueOf(port), "--aot-cache", missing.toString()),
                "bench: --aot-cache: " + missing + " does not exist; a sweep with aotCache: true makes one in its run folder "
                        + "(aot/<configuration>.aot)");
    }

    /**
     * The library is a Maven dependency on the harness's class path: a harness run without it
     * (a broken build) refuses a profiled sweep while planning, before any folder or process.
     */
    @Test
    void aProfiledSweepWithoutTheProfilerLibraryIsOneLineAndStartsNothing() throws Exception {
        Path file = Files.writeString(tmp.resolve("p.yaml"), """
                # Question: is profiling checked before anything starts?
                duration: 2s
                warmup: 2s
                profile: cpu
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json"], concurrency: [1]}
                servers:
                  - app: servlet
                """);
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> without = entries.stream().filter(entry -> !entry.contains("async-profiler")).toList();
        // else the sweep below would run for real
        assertThat(without).as("the class path without async-profiler").hasSize(entries.size() - 1);
        String classPath = String.join(File.pathSeparator, without);
        Path out = tmp.resolve("run");
        Path log = tmp.resolve("bench.log");
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", classPath,
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "sweep", file.toString(), "--out", out.toString()));
        Process bench = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(bench.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(bench.exitValue()).as(read(log)).isEqualTo(2);
        assertThat(read(log).lines().filter(l -> !l.startsWith("WARNING"))).containsExactly("bench: " + file
                + ": profile: the async-profiler library (linux-x64/libasyncProfiler.so of tools.profiler:async-profiler) "
                + "is not on the harness's class path: run ./bench once to build it");
        assertThat(out).doesNotExist();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }
}
