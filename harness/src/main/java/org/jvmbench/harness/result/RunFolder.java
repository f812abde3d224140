package org.jvmbench.harness.result;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The layout of one sweep's results, {@code reports/<timestamp>-<sweep>/}, and the one place
 * that names its files: the resolved sweep, the environment, {@code results.jsonl}, a folder
 * per point and one per fork. Whoever writes or reads a run folder asks here.
 *
 * <p>Just over 300 lines on purpose: it is the one owner of every file name of a run, its lock
 * and its "is this a run folder" check; spread out, the names would be copied again.
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

    /**
     * Takes the folder for this process: one sweep writes into a run folder at a time. The
     * operating system releases the lock when the process ends, however it ends.
     *
     * @throws IllegalArgumentException naming the process that holds it
     */
    public Lock lock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile()), java.nio.charset.StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalArgumentException(root + " is in use by a running sweep"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; wait for it to end, or stop it first");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        channel.force(true);
        return new Lock(channel, lock);
    }

    /** A held run folder; closing it lets the next sweep in. */
    public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
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

    /** A folder the user named with {@code --out}: new, or empty (but for a lock file); made if missing. */
    public static RunFolder at(Path dir) {
        RunFolder folder = new RunFolder(dir);
        if (Files.exists(folder.root) && !Files.isDirectory(folder.root)) {
            throw new IllegalArgumentException(dir + " exists and is not a folder");
        }
        folder.requireEmpty();
        try {
            Files.createDirectories(folder.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(folder.root)) {
            throw new IllegalArgumentException("cannot write into " + dir + ": permission denied");
        }
        return folder;
    }

    /** Fails unless the folder holds nothing but, at most, its lock file. */
    public void requireEmpty() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var entries = Files.list(root)) {
            if (entries.anyMatch(e -> !e.getFileName().toString().equals(LOCK))) {
                throw new IllegalArgumentException(root + " is not empty; to continue a sweep there use --resume " + root);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + root + ": " + reason(e));
        }
    }

    /**
     * Fails, naming the folder and the operating system's reason, when nothing can be written
     * into it (a full disk, a folder made read-only): a harness that cannot write must stop
     * rather than record the next point as a server fault.
     */
    public void requireWritable() throws IOException {
        Path probe = root.resolve(".write-probe");
        try {
            Files.write(probe, new byte[4096]);
        } catch (IOException e) {
            throw new IOException("cannot write into " + root + ": " + reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the probe is harmless where it could not be removed
            }
        }
    }

    /** What went wrong with a file, in the words of the operating system where it has some. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            // /proc and /sys refuse new entries this way too: the folder cannot be made there
            return "no such file or folder, and none can be made there";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something else is already there";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
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

    public Path lockFile() {
        return root.resolve(LOCK);
    }

    /** {@code points/<id>/}: Gatling's folder, its console, the raw samples and the injector's record of one point. */
    public PointFiles point(String pointId) {
        return new PointFiles(root.resolve("points").resolve(pointId));
    }

    /**
     * {@code aot/}: the AOT caches of the run's configurations with {@code aotCache}, each with
     * what it was made from and the logs of its training run.
     */
    public Path aot() {
        return root.resolve("aot");
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

        /** The flame graph of server process {@code index} of {@code processes} over the point's window. */
        public Path flameGraph(int index, int processes) {
            return dir.resolve(processes == 1 ? "flame.html" : "flame-" + index + ".html");
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

        /** Removes the folder and everything in it. */
        public void delete() throws IOException {
            deleteTree(dir);
        }

        /** Fails, naming the folder and why, when nothing can be written into it. */
        public void requireWritable() throws IOException {
            new RunFolder(dir).requireWritable();
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
