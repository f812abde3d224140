package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ProfileMode;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.profile.Profiler;

/**
 * {@code ./bench serve --profile}: async-profiler counts in every server JVM for as long as it
 * runs, from its start, and each JVM writes its flame graph into the log folder as it exits.
 * Loaded at start rather than attached later, because Ctrl-C in a terminal reaches the server
 * JVMs as well as the harness: a JVM already shutting down could no longer be asked for its
 * profile, while one that profiles from its start writes it on the way out, whichever signal
 * stops it.
 */
final class ServeProfile {

    private final Profiler profiler;
    private final Profiler.Engine engine;
    private final Path dir;

    private ServeProfile(Profiler profiler, Profiler.Engine engine, Path dir) {
        this.profiler = profiler;
        this.engine = engine;
        this.dir = dir;
    }

    /** Installs the library in {@code dir} and asks which engine will count. */
    static ServeProfile prepare(ProfileMode mode, Path dir) throws IOException, InterruptedException {
        Profiler profiler = Profiler.install(dir.resolve("profiler"));
        return new ServeProfile(profiler, profiler.engineBeforeStart(mode, dir), dir);
    }

    /** {@code spec} with the profiler loaded at start and the flags it needs for accurate frames. */
    ServerSpec apply(ServerSpec spec) {
        return spec.withJvmArgs(Profiler.JVM_ARGUMENTS).withJvmArgs(profiler.startArguments(engine, dir.resolve("flame-%p.html")));
    }

    /** What counts, for the terminal. */
    String describe() {
        return "profiling: async-profiler " + profiler.version() + ", " + engine.mode().id() + " via " + engine.description()
                + ", from each JVM's start until it stops; servers started with " + String.join(" ", Profiler.JVM_ARGUMENTS);
    }

    /**
     * The flame graphs the stopped JVMs {@code pids} wrote, renamed for their process number
     * ({@code flame.html}, or {@code flame-<i>.html} of several); one line per JVM that wrote none.
     */
    List<String> collect(List<Long> pids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            Path written = dir.resolve("flame-" + pids.get(i) + ".html");
            Path named = dir.resolve(pids.size() == 1 ? "flame.html" : "flame-" + i + ".html");
            if (Files.isRegularFile(written)) {
                Files.move(written, named, StandardCopyOption.REPLACE_EXISTING);
                lines.add("flame graph: " + named);
            } else {
                lines.add("no flame graph from pid " + pids.get(i) + " (it did not exit normally); see " + dir);
            }
        }
        return lines;
    }
}
