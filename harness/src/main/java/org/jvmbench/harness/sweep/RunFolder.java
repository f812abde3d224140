package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The layout of one sweep's results: {@code reports/<timestamp>-<sweep>/} with the resolved
 * sweep, the environment, {@code results.jsonl}, and a folder per point and per server run.
 */
public record RunFolder(Path root) {

    /** Absolute, always: the injector and the report take these paths from another working directory. */
    public RunFolder {
        root = root.toAbsolutePath().normalize();
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

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

    /** An existing sweep folder, for {@code --resume} and {@code report}. */
    public static RunFolder existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve("sweep.json"))) {
            throw new IllegalArgumentException(dir + " is not a sweep folder (no sweep.json in it)");
        }
        return new RunFolder(dir);
    }

    public Path environment() {
        return root.resolve("environment.json");
    }

    public Path progressLog() {
        return root.resolve("progress.log");
    }

    public Path point(String pointId) {
        return root.resolve("points").resolve(pointId);
    }

    public Path serverRun(String serverRunId) {
        return root.resolve("servers").resolve(serverRunId);
    }

    public Path injectorLog() {
        return root.resolve("injector.log");
    }

    public String relative(Path path) {
        return root.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }
}
