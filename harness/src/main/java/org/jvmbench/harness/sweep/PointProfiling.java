package org.jvmbench.harness.sweep;

import org.jvmbench.harness.settings.ProfileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvmbench.harness.profile.Profiler;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.server.RunningServer;

/**
 * async-profiler around each point's measured window, when the sweep sets {@code profile}: it
 * starts counting in every server JVM right before the point's phase goes to the injector and
 * stops right after its result, leaving one HTML flame graph per point and JVM. The point
 * links each and carries {@link Flag.Code#PROFILED} with the profiler's settings, since its
 * numbers include what the profiler cost.
 * <p>
 * A JVM the profiler cannot attach to still has its point measured: the flag then says which
 * flame graph is missing and why, rather than the sweep stopping over a picture.
 */
final class PointProfiling {

    private static final PointProfiling NONE = new PointProfiling(null, null, null);

    private final Profiler profiler;
    private final ProfileMode mode;
    private final Path scratch;
    /** Per server JVM, how the profiler counts there: asked once, at its first point. */
    private final Map<Long, Profiler.Engine> engines = new HashMap<>();

    private PointProfiling(Profiler profiler, ProfileMode mode, Path scratch) {
        this.profiler = profiler;
        this.mode = mode;
        this.scratch = scratch;
    }

    /** For a fork of a sweep whose {@code profile} is {@code mode}; null profiles nothing. */
    static PointProfiling of(ProfileMode mode, RunFolder folder) throws IOException {
        if (mode == null) {
            return NONE;
        }
        Path dir = folder.root().resolve("profiler");
        return new PointProfiling(Profiler.install(dir), mode, dir);
    }

    /** The key of process {@code index}'s flame graph in a point's files. */
    static String fileKey(int index, int processes) {
        return processes == 1 ? "flameGraph" : "flameGraph-" + index;
    }

    /** Starts counting in every JVM of {@code server}; a JVM that refuses is noted, not fatal. */
    Window start(RunningServer server, RunFolder.PointFiles files) throws InterruptedException {
        Window window = new Window(server, files);
        if (profiler == null) {
            return window;
        }
        List<RunningServer.Instance> instances = server.instances();
        for (int i = 0; i < instances.size(); i++) {
            long pid = instances.get(i).pid();
            try {
                Profiler.Engine engine = engines.get(pid);
                if (engine == null) {
                    engine = profiler.engine(pid, mode, scratch);
                    engines.put(pid, engine);
                }
                profiler.start(pid, engine);
                window.started.add(i);
            } catch (IOException e) {
                window.problems.add("no flame graph for process " + i + ": " + e.getMessage());
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted");
            }
        }
        return window;
    }

    /** One point's profile: started before its phase, stopped after it. */
    final class Window {
        private final RunningServer server;
        private final RunFolder.PointFiles files;
        private final List<Integer> started = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Path> written = new HashMap<>();
        private boolean stopped;

        private Window(RunningServer server, RunFolder.PointFiles files) {
            this.server = server;
            this.files = files;
        }

        /** Stops counting and writes the flame graphs; once, however often called. */
        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            int processes = server.instances().size();
            for (int i : started) {
                RunningServer.Instance instance = server.instances().get(i);
                Path flame = files.flameGraph(i, processes);
                try {
                    profiler.stop(instance.pid(), flame);
                    if (Files.isRegularFile(flame)) {
                        written.put(fileKey(i, processes), flame);
                    } else {
                        problems.add("no flame graph for process " + i + ": async-profiler wrote none");
                    }
                } catch (IOException e) {
                    problems.add("no flame graph for process " + i + (instance.process().isAlive() ? ": " + e.getMessage()
                            : ": the JVM exited before the profile could be written"));
                }
            }
        }

        /** The flame graphs as a point links them, relative to the run folder. */
        Map<String, String> files(RunFolder folder) {
            Map<String, String> links = new HashMap<>();
            written.forEach((key, path) -> links.put(key, folder.relative(path)));
            return links;
        }

        /** {@code point} with {@code PROFILED} and the profiler's settings, when a profiler counted during it. */
        PointResult flag(PointResult point) {
            if (profiler == null) {
                return point;
            }
            Set<String> settings = new LinkedHashSet<>();
            for (int i : started) {
                settings.add(profiler.settings(engines.get(server.instances().get(i).pid())));
            }
            String reason = settings.isEmpty()
                    ? "profile " + mode.id() + " asked, but async-profiler " + profiler.version()
                      + " counted in no server JVM: the numbers carry no profiler cost"
                    : String.join(" / ", settings) + "; servers started with " + String.join(" ", Profiler.JVM_ARGUMENTS);
            if (!problems.isEmpty()) {
                reason += "; " + String.join("; ", problems);
            }
            List<Flag> flags = new ArrayList<>(point.flags());
            flags.add(new Flag(Flag.Code.PROFILED, reason));
            return point.withFlags(flags);
        }
    }
}
