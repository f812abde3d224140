package org.jvmbench.harness.profile;

import org.jvmbench.harness.settings.ProfileMode;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jvmbench.harness.process.ChildProcesses;

/**
 * async-profiler, attached to a running server JVM for a window and detached with an HTML
 * flame graph. The native library comes with the harness as a Maven dependency
 * ({@code tools.profiler:async-profiler}, its Linux x64 build inside the jar) and is copied next
 * to the results it serves; it is loaded into the target through the JDK's attach API, once
 * per command ({@code start}, {@code stop}), which async-profiler answers like its own
 * {@code asprof} would.
 * <p>
 * Where the kernel does not let perf events be used (containers, some VMs) async-profiler
 * would quietly fall back to a timer; the harness asks first ({@code check,event=cpu-clock})
 * and names the engine it used, so a profile says how it was taken.
 */
public final class Profiler {

    /**
     * What a profiled server JVM is started with: without it, the JIT records where compiled code
     * is only at safepoints, and samples taken between them are charged to the wrong frame
     * (async-profiler's README: "accurate profiling" when attaching to a running JVM).
     */
    public static final List<String> JVM_ARGUMENTS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");

    static final String LIBRARY = "linux-x64/libasyncProfiler.so";
    private static final String POM = "META-INF/maven/tools.profiler/async-profiler/pom.properties";

    private final Path library;
    private final String version;

    private Profiler(Path library, String version) {
        this.library = library;
        this.version = version;
    }

    /**
     * Fails in one line unless this machine can profile: Linux on x86-64 with the library on the
     * harness's class path. Checked while a sweep is planned, before anything starts.
     */
    public static void requireAvailable() {
        requireAvailable(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Profiler.class.getClassLoader()::getResource);
    }

    /** {@link #requireAvailable()} on a given system and class path, so a test can take the library away. */
    static void requireAvailable(String os, String arch, Function<String, URL> classPath) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalArgumentException("profiling needs Linux on x86-64, this is " + os + " on " + arch);
        }
        if (classPath.apply(LIBRARY) == null) {
            throw new IllegalArgumentException("the async-profiler library (" + LIBRARY
                    + " of tools.profiler:async-profiler) is not on the harness's class path: run ./bench once to build it");
        }
    }

    /**
     * Copies the library from the harness's class path into {@code dir}.
     *
     * @throws IllegalArgumentException in one line when this machine cannot profile (not Linux
     *                                  on x86-64) or the library is not on the class path
     */
    public static Profiler install(Path dir) throws IOException {
        requireAvailable();
        ClassLoader loader = Profiler.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(LIBRARY)) {
            Files.createDirectories(dir);
            Path target = dir.resolve("libasyncProfiler.so");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return new Profiler(target, version(loader));
        }
    }

    private static String version(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
    }

    public String version() {
        return version;
    }

    /**
     * The event that will count {@code mode} in this JVM, and how: for CPU, perf events'
     * {@code cpu-clock} where the kernel permits them, else the {@code ctimer} timer.
     */
    public Engine engine(long pid, ProfileMode mode, Path scratch) throws IOException {
        if (mode != ProfileMode.CPU) {
            return new Engine(mode, mode.id(), mode.id());
        }
        Path answer = scratch.resolve("profiler-check-" + pid + ".txt");
        try {
            command(pid, "check,event=cpu-clock,file=" + answer);
            String said = Files.exists(answer) ? Files.readString(answer, StandardCharsets.UTF_8).strip() : "";
            if (said.startsWith("OK")) {
                return new Engine(mode, "cpu", "perf_events (cpu-clock)");
            }
        } catch (IOException refused) {
            // perf events not permitted: the timer below works everywhere
        } finally {
            Files.deleteIfExists(answer);
        }
        return new Engine(mode, "ctimer", "ctimer (perf events not permitted here)");
    }

    /**
     * As {@link #engine(long, ProfileMode, Path)}, asked before the JVM to profile exists: a JVM that
     * only loads the library with {@code check} and prints its version. For a profile that
     * starts with the JVM ({@link #startArguments}), where the library is already counting
     * when it could first be asked.
     */
    public Engine engineBeforeStart(ProfileMode mode, Path scratch) throws IOException, InterruptedException {
        if (mode != ProfileMode.CPU) {
            return new Engine(mode, mode.id(), mode.id());
        }
        Path answer = scratch.resolve("profiler-check.txt");
        Path log = scratch.resolve("profiler-check.log");
        try {
            Process probe = ChildProcesses.start(List.of(ChildProcesses.javaBinary(),
                    "-agentpath:" + library + "=check,event=cpu-clock,file=" + answer.toAbsolutePath(), "-version"), log);
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                ChildProcesses.stop(probe, java.time.Duration.ofSeconds(2));
            }
            String said = Files.exists(answer) ? Files.readString(answer, StandardCharsets.UTF_8).strip() : "";
            if (said.startsWith("OK")) {
                return new Engine(mode, "cpu", "perf_events (cpu-clock)");
            }
            return new Engine(mode, "ctimer", "ctimer (perf events not permitted here)");
        } finally {
            Files.deleteIfExists(answer);
            Files.deleteIfExists(log);
        }
    }

    /**
     * JVM arguments that load the library at JVM start and count from there; the flame graph is
     * written when the JVM exits, however it is stopped (SIGTERM, SIGINT). {@code %p} in
     * {@code flameGraph} stands for the JVM's pid, so several JVMs of one command line write apart.
     */
    public List<String> startArguments(Engine engine, Path flameGraph) {
        return List.of("-agentpath:" + library + "=start,event=" + engine.event() + ",file=" + flameGraph.toAbsolutePath());
    }

    /**
     * @param event       async-profiler's event name as passed to {@code start}
     * @param description what ran, for the point's flag and the report
     */
    public record Engine(ProfileMode mode, String event, String description) {
    }

    /** Starts counting in the JVM {@code pid}. */
    public void start(long pid, Engine engine) throws IOException {
        command(pid, "start,event=" + engine.event());
    }

    /** Stops counting and writes the flame graph as a self-contained HTML page. */
    public void stop(long pid, Path flameGraph) throws IOException {
        command(pid, "stop,file=" + flameGraph.toAbsolutePath());
    }

    /** The settings a profiled point records beside its numbers. */
    public String settings(Engine engine) {
        return "async-profiler " + version + ", " + engine.mode().id() + " via " + engine.description()
                + ", default interval, attached for the point's load phase";
    }

    /** One agent command to the JVM {@code pid}; async-profiler keeps its state between them. */
    private void command(long pid, String options) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
        try {
            vm.loadAgentPath(library.toString(), options);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new IOException("async-profiler refused '" + options + "' in pid " + pid + ": " + e.getMessage(), e);
        } finally {
            vm.detach();
        }
    }
}
