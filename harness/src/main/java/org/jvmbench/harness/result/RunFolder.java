package org.jvmbench.harness.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The layout of one sweep's results, {@code reports/<timestamp>-<sweep>/}, and the one place
 * that names its files: the resolved sweep, the environment, {@code results.jsonl}, a folder
 * per point and one per fork. Whoever writes or reads a run folder asks here.
 */
public record RunFolder(Path root) {

    public static final String SWEEP = "sweep.json";
    public static final String ENVIRONMENT = "environment.json";
    public static final String RESULTS = "results.jsonl";
    public static final String PROGRESS = "progress.log";
    public static final String INJECTOR_LOG = "injector.log";
    /** Held (locked) by the harness while a sweep writes into the folder. */
    public static final String LOCK = "run.lock";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Absolute, always: the injector and the report take these paths from another working directory. */
    public RunFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** A new folder under {@code reportsDir} named for now and the sweep. */
    public static RunFolder create(Path reportsDir, String sweepName) throws IOException {
        Path root = reportsDir.resolve(LocalDateTime.now().format(STAMP) + "-" + sweepName);
        for (int n = 2; Files.exists(root); n++) {
            root = reportsDir.resolve(LocalDateTime.now().format(STAMP) + "-" + sweepName + "-" + n);
        }
        Files.createDirectories(root);
        return new RunFolder(root);
    }

    /** A folder the user named with {@code --out}: new, or empty. */
    public static RunFolder at(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; to continue a sweep there use --resume " + dir);
                }
            }
        } else if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a folder");
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /**
     * Whether {@code dir} holds a sweep's results: its resolved sweep or its results file (a
     * sweep interrupted before its first point has only the first; an old copy may have only
     * the second).
     */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(SWEEP)) || Files.isRegularFile(dir.resolve(RESULTS));
    }

    /** An existing run folder, for {@code report} and {@code compare}; fails in one line otherwise. */
    public static RunFolder existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        if (!isRunFolder(dir)) {
            throw new IllegalArgumentException(dir + " is not a sweep folder (it has neither " + SWEEP + " nor " + RESULTS + ")");
        }
        return new RunFolder(dir);
    }

    /** An existing run folder a sweep can continue: it needs the resolved sweep. */
    public static RunFolder resumable(Path dir) {
        RunFolder folder = existing(dir);
        if (!Files.isRegularFile(folder.sweep())) {
            throw new IllegalArgumentException(dir + " cannot be resumed: it has no " + SWEEP + " to rebuild the plan from");
        }
        return folder;
    }

    public Path sweep() {
        return root.resolve(SWEEP);
    }

    public Path environment() {
        return root.resolve(ENVIRONMENT);
    }

    public Path results() {
        return root.resolve(RESULTS);
    }

    public Path progressLog() {
        return root.resolve(PROGRESS);
    }

    public Path injectorLog() {
        return root.resolve(INJECTOR_LOG);
    }

    public Path lock() {
        return root.resolve(LOCK);
    }

    /** {@code points/<id>/}: Gatling's folder, its console, the raw samples and the injector's record of one point. */
    public PointFiles point(String pointId) {
        return new PointFiles(root.resolve("points").resolve(pointId));
    }

    /** {@code servers/<fork id>/}: the server logs of one fork and its warm-up slices. */
    public ForkFiles fork(String forkId) {
        return new ForkFiles(root.resolve("servers").resolve(forkId));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A path inside the folder as the results and the report refer to it: relative to the root. */
    public String relative(Path path) {
        return root.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }

    /** The files of one point. */
    public record PointFiles(Path dir) {
        /** Empties the folder (a resumed point runs again from nothing) and makes it. */
        public PointFiles reset() throws IOException {
            deleteTree(dir);
            Files.createDirectories(dir);
            return this;
        }

        public Path gatlingResults() {
            return dir.resolve("gatling");
        }

        public Path phaseResult() {
            return dir.resolve("phase.json");
        }

        public Path gatlingLog() {
            return dir.resolve("gatling.log");
        }

        public Path samples() {
            return dir.resolve("samples.csv");
        }
    }

    /** The files of one fork. */
    public record ForkFiles(Path dir) {
        /** Empties the folder and makes it. */
        public ForkFiles reset() throws IOException {
            deleteTree(dir);
            Files.createDirectories(dir);
            return this;
        }

        /** Warm-up slices leave Gatling's raw records, megabytes each: nothing reads them. */
        public void dropWarmUpResults() throws IOException {
            deleteTree(warmUpResults());
        }

        /** The log of server process {@code index} of {@code processes}. */
        public Path serverLog(int index, int processes) {
            return dir.resolve(processes == 1 ? "server.log" : "server-" + index + ".log");
        }

        /** Where warm-up slices leave their Gatling run folders (no reports are written). */
        public Path warmUpResults() {
            return dir.resolve("warmup");
        }

        public Path warmUpSliceResult(int slice) {
            return dir.resolve("warmup").resolve("slice-" + slice + ".json");
        }

        public Path warmUpLog() {
            return dir.resolve("warmup.log");
        }
    }
}
