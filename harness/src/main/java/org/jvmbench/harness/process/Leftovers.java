package org.jvmbench.harness.process;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A record, outside any run folder, of the processes each live harness started: one file per
 * harness process ({@code <tmp>/jvm-bench-children/<pid>.txt}), rewritten as children come and
 * go, removed when the harness exits. Children normally die with the harness (the kernel's
 * parent-death signal); should one survive anyway — a harness killed where {@code setpriv} is
 * missing — the next sweep or serve finds it here and stops it, by recorded pid and start time,
 * never by name.
 */
public final class Leftovers {

    /** One child as recorded: a reused pid has another start time and is left alone. */
    record Child(long pid, Instant started, String description) {

        String line() {
            return pid + " " + started + " " + description;
        }

        static Optional<Child> parse(String line) {
            String[] parts = line.split(" ", 3);
            try {
                return Optional.of(new Child(Long.parseLong(parts[0]), Instant.parse(parts[1]), parts.length > 2 ? parts[2] : ""));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private final Path dir;
    private final long ownPid;
    private final Instant ownStart;

    Leftovers(Path dir, long ownPid, Instant ownStart) {
        this.dir = dir;
        this.ownPid = ownPid;
        this.ownStart = ownStart;
    }

    /** The record of this JVM, in the machine's temporary folder. */
    static Leftovers ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new Leftovers(Path.of(System.getProperty("java.io.tmpdir"), "jvm-bench-children"), self.pid(),
                self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** Rewrites this harness's file with the children alive now; removes it when there are none. */
    synchronized void write(List<Child> children) {
        Path file = dir.resolve(ownPid + ".txt");
        try {
            if (children.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(dir);
            List<String> lines = new ArrayList<>();
            lines.add("harness " + ownStart);
            children.forEach(c -> lines.add(c.line()));
            Path tmp = dir.resolve(ownPid + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the record is a safety net: a harness that cannot write it still runs
        }
    }

    /**
     * Stops every child recorded by a harness that is no longer running, and says so, one
     * line each. Returns how many it stopped.
     */
    public int stopLeftovers(PrintWriter out) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int stopped = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                stopped += stopIfOrphaned(file, out);
            }
        } catch (IOException e) {
            return stopped;
        }
        return stopped;
    }

    private int stopIfOrphaned(Path file, PrintWriter out) throws IOException {
        long harnessPid;
        try {
            harnessPid = Long.parseLong(file.getFileName().toString().replace(".txt", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || harnessPid == ownPid) {
            return 0;
        }
        Instant harnessStart = Instant.parse(lines.getFirst().substring("harness ".length()));
        if (alive(harnessPid, harnessStart)) {
            return 0;
        }
        int stopped = 0;
        for (String line : lines.subList(1, lines.size())) {
            Optional<Child> child = Child.parse(line);
            if (child.isPresent() && alive(child.get().pid(), child.get().started())) {
                ProcessHandle.of(child.get().pid()).ifPresent(ProcessHandle::destroyForcibly);
                out.println("stopped pid " + child.get().pid() + " (" + child.get().description()
                        + "), left running by a harness that died (pid " + harnessPid + ")");
                stopped++;
            }
        }
        out.flush();
        Files.deleteIfExists(file);
        return stopped;
    }

    private static boolean alive(long pid, Instant started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant())
                .map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 1_000)
                .orElse(false);
    }
}
