package org.jvmbench.harness.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jvmbench.harness.process.ChildProcesses;

/**
 * Spring Boot's extracted layout of an app jar ({@code java -Djarmode=tools -jar app.jar extract}):
 * the application jar beside its libraries, which is how Spring Boot recommends running in
 * production and the only form the JDK's AOT cache works with. Servers are launched from it, so
 * a sweep with and without the AOT cache differs by the cache alone. Extracted once per jar
 * content, into the machine's temporary folder, and reused.
 */
public final class ExtractedJar {

    private ExtractedJar() {
    }

    /**
     * The extracted application jar for {@code fatJar}, extracting it first if needed; empty when
     * the jar has no extract mode (not a Spring Boot 3.3+ jar), in which case the fat jar runs.
     */
    public static Optional<Path> of(Path fatJar) throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "jvm-bench-extracted", hash(fatJar));
        Path extracted = cache.resolve(fatJar.getFileName().toString());
        if (Files.isRegularFile(extracted)) {
            return Optional.of(extracted);
        }
        Path work = Files.createDirectories(cache.getParent()).resolve(cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Path log = cache.getParent().resolve(cache.getFileName() + "-" + ProcessHandle.current().pid() + ".log");
        Process extract = ChildProcesses.start(List.of(ChildProcesses.javaBinary(), "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", work.toString()), log);
        boolean done = extract.waitFor(60, TimeUnit.SECONDS);
        if (!done || extract.exitValue() != 0 || !Files.isRegularFile(work.resolve(fatJar.getFileName().toString()))) {
            ChildProcesses.stop(extract, java.time.Duration.ofSeconds(2));
            Files.deleteIfExists(log);
            deleteQuietly(work);
            return Optional.empty();
        }
        Files.deleteIfExists(log);
        try {
            Files.move(work, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another harness extracted the same jar meanwhile: theirs is as good
            deleteQuietly(work);
        }
        return Optional.of(extracted);
    }

    /** The first 16 hex digits of the jar's SHA-256: a rebuilt jar gets a fresh extraction. */
    static String hash(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
