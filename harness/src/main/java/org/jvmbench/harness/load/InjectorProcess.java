package org.jvmbench.harness.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gatling JVM, kept alive across runs: a cold Gatling measures its own JIT for the
 * first ~30 s, and a fresh launch costs seconds that a sweep would pay per point. Runs are
 * sent as JSON lines on its stdin; a run is over when its result file appears.
 */
public final class InjectorProcess implements Injector {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String MAIN_CLASS = "org.jvmbench.loadtests.injector.InjectorMain";

    private final Process process;
    private final OutputStream commands;
    private final CpuSet cpus;

    private InjectorProcess(Process process, CpuSet cpus) {
        this.process = process;
        this.commands = process.getOutputStream();
        this.cpus = cpus;
    }

    /** Starts the injector pinned to {@code cpus} (null: unpinned) with {@code heap}, its console appended to {@code log}. */
    public static InjectorProcess start(ProjectHome home, CpuSet cpus, String heap, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus.toString()));
        }
        cmd.add(ChildProcesses.javaBinary());
        cmd.addAll(jvmOptions(heap));
        cmd.addAll(List.of("-cp", home.injectorClasspath(), MAIN_CLASS));
        return new InjectorProcess(ChildProcesses.start(cmd, log), cpus);
    }

    /** The injector's JVM options, recorded with the environment of every sweep. */
    public static List<String> jvmOptions(String heap) {
        // G1 named: pinned to one CPU the JVM would pick SerialGC. Gatling needs the opens.
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        options.add("-Dgatling.data.enableAnalytics=false");
        return options;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public Long localPid() {
        return process.pid();
    }

    public CpuSet cpus() {
        return cpus;
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Runs one phase and waits for its result, at most {@code deadline}.
     *
     * @throws InjectorHungException when the deadline passes or the injector dies; the
     *                               injector is stopped and must be replaced
     */
    @Override
    public PhaseResult run(PhaseCommand command, Duration deadline) throws IOException, InterruptedException, InjectorHungException {
        Path out = Path.of(command.out());
        Files.deleteIfExists(out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        commands.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
        long end = System.nanoTime() + deadline.toNanos();
        while (!Files.exists(out)) {
            if (!process.isAlive()) {
                throw new InjectorHungException("the injector exited (code " + process.exitValue() + ") during " + command.id());
            }
            if (System.nanoTime() > end) {
                ChildProcesses.stop(process, Duration.ofSeconds(2));
                throw new InjectorHungException("no result for " + command.id() + " within " + deadline.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return JSON.readValue(out.toFile(), PhaseResult.class);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                commands.write((PhaseCommand.EXIT_LINE + "\n").getBytes(StandardCharsets.UTF_8));
                commands.close();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException ignored) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildProcesses.stop(process, Duration.ofSeconds(2));
    }
}
