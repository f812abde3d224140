package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.KnobException;
import org.jvmbench.harness.settings.Knob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.WarmUp;

/**
 * The JDK's AOT cache of one server configuration (JEPs 483, 514 and 515, JDK 25): the classes
 * the app loaded and linked, and the method profiles of its training run, so a JVM started with
 * it skips that work and its JIT starts from where the training left off.
 * <p>
 * A cache is made by a training run of the same app and knobs from Spring Boot's extracted
 * layout (the only form the cache works with) with {@code -XX:AOTCacheOutput}: when that JVM
 * exits on SIGTERM it records what it saw and a child JVM assembles the cache, which takes
 * seconds after the request to stop (SIGKILL leaves none). It is used with
 * {@code -XX:AOTMode=on}, so a cache the JVM cannot use stops the start with the JVM's reason
 * rather than letting it run silently without one. A cache fits while the jar's content and the
 * JVM's build are those it was made with; {@link Made} records both beside it.
 */
public final class AotCache {

    /** The line the assembling JVM ends with once the cache is written. */
    static final String COMPLETE = "AOTCache creation is complete";
    /** What a JVM started with {@code -XX:AOTMode=on} says before exiting when it cannot use its cache. */
    static final String UNUSABLE = "Unable to use AOT cache";

    private static final Pattern AOT_LOG_LINE = Pattern.compile("^\\[[^]]*]\\[(error|warning)\\s*]\\[aot[^]]*]\\s*(.*)$");
    /** Lines of the JVM's refusal that say nothing about why. */
    private static final List<String> GENERIC = List.of("An error has occurred while processing the AOT cache",
            "unrecoverable error", "Unable to map shared spaces");

    private AotCache() {
    }

    /**
     * What a cache was made from and how, kept beside it ({@code <configuration>.json}).
     *
     * @param configuration      the configuration id it was trained for
     * @param jarSha256          the first 16 hex digits of the SHA-256 of the app's jar
     * @param javaRuntimeVersion {@code java.runtime.version} of the JVM that made it, and must use it
     * @param training           the training run's warm-up of each endpoint, as the fork's own warm-ups are recorded
     * @param assemblySeconds    from SIGTERM to the training JVM and its assembling child having exited
     * @param bytes              the cache's size
     */
    public record Made(String configuration, String jarSha256, String javaRuntimeVersion, List<WarmUp> training,
                       double assemblySeconds, long bytes) {

        public Made {
            training = List.copyOf(training);
        }
    }

    /** {@code <dir>/<configuration>.aot}. */
    public static Path file(Path dir, String configuration) {
        return dir.resolve(configuration + ".aot");
    }

    /** {@code <dir>/<configuration>.json}: the {@link Made} record, written once the cache is complete. */
    public static Path record(Path dir, String configuration) {
        return dir.resolve(configuration + ".json");
    }

    /** The content hash the cache is keyed by: the same digits as the extracted layout's folder. */
    public static String jarSha256(Path jar) throws IOException {
        return ExtractedJar.hash(jar);
    }

    /** The JVM build the servers run on: the harness's own, which starts them. */
    public static String javaRuntimeVersion() {
        return System.getProperty("java.runtime.version");
    }

    /**
     * The cache of {@code configuration} in {@code dir} if it is complete and was made from this
     * jar content on this JVM build; empty when it must be made (again).
     */
    public static Optional<Made> reusable(Path dir, String configuration, String jarSha256, String javaRuntimeVersion)
            throws IOException {
        Path record = record(dir, configuration);
        Path cache = file(dir, configuration);
        if (!Files.isRegularFile(record) || !Files.isRegularFile(cache)) {
            return Optional.empty();
        }
        Made made;
        try {
            made = Json.MAPPER.readValue(record.toFile(), Made.class);
        } catch (com.fasterxml.jackson.core.JacksonException unreadable) {
            // a record cut short by a crash: make the cache again
            return Optional.empty();
        }
        boolean fits = jarSha256.equals(made.jarSha256()) && javaRuntimeVersion.equals(made.javaRuntimeVersion())
                && Files.size(cache) == made.bytes();
        return fits ? Optional.of(made) : Optional.empty();
    }

    /** Writes the record that makes the cache beside it reusable. */
    public static void write(Path dir, Made made) throws IOException {
        Path tmp = record(dir, made.configuration()).resolveSibling(made.configuration() + ".json.tmp");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), made);
        Files.move(tmp, record(dir, made.configuration()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * For {@code ./bench serve --aot-cache FILE}: the file exists and, when a sweep made it (its
     * record lies beside it), was made from {@code jar}'s content on this JVM build. A cache
     * without a record is left to the JVM, which refuses one it cannot use.
     *
     * @throws KnobException in one line naming what differs
     */
    public static void requireFits(Path cache, Path jar) throws IOException {
        if (!Files.isRegularFile(cache)) {
            throw new KnobException(Knob.AOT_CACHE, cache, cache + " does not exist"
                    + (Files.isDirectory(cache) ? " as a file (it is a folder)" : "") + "; a sweep with aotCache: true makes one "
                    + "in its run folder (aot/<configuration>.aot)");
        }
        String name = cache.getFileName().toString();
        Path record = cache.resolveSibling((name.endsWith(".aot") ? name.substring(0, name.length() - 4) : name) + ".json");
        if (!Files.isRegularFile(record)) {
            return;
        }
        Made made = Json.MAPPER.readValue(record.toFile(), Made.class);
        if (!made.jarSha256().equals(jarSha256(jar))) {
            throw new KnobException(Knob.AOT_CACHE, cache, cache + " was made from another build of the app than " + jar
                    + ": run its sweep again to make a fitting one");
        }
        if (!made.javaRuntimeVersion().equals(javaRuntimeVersion())) {
            throw new KnobException(Knob.AOT_CACHE, cache, cache + " was made on Java " + made.javaRuntimeVersion()
                    + " and this is Java " + javaRuntimeVersion() + ": run its sweep again to make a fitting one");
        }
    }

    /** The training JVM's arguments: record while it runs, assemble {@code output} when it exits. */
    public static List<String> trainingArguments(Path output) {
        return List.of("-XX:AOTCacheOutput=" + output.toAbsolutePath());
    }

    /** A measured JVM's arguments: start from {@code cache}, or not at all. */
    public static List<String> useArguments(Path cache) {
        return List.of("-XX:AOTCache=" + cache.toAbsolutePath(), "-XX:AOTMode=on");
    }

    /**
     * The single JVM of a training run of {@code spec}: its app and knobs, one process (several
     * would all write the one output), recording into {@code output}.
     */
    public static ServerSpec trainingSpec(ServerSpec spec, Path output, int port) {
        List<String> args = new ArrayList<>(spec.jvmArgs());
        args.addAll(trainingArguments(output));
        return spec.toBuilder().processes(1).port(port).jvmArgs(args).build();
    }

    /**
     * Stops a training JVM with SIGTERM and waits until it and the child JVM assembling the cache
     * have exited and the cache is complete. SIGKILL would leave no cache, so the JVM is only
     * killed when the wait passes {@code timeout}.
     *
     * @return how long the assembly took, from SIGTERM
     * @throws ServerStartException in one line, said of the training JVM ("it wrote no AOT cache ..."),
     *                              when no complete cache came out
     */
    public static Duration assemble(Process jvm, Path output, Path log, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Set<ProcessHandle> seen = new HashSet<>();
        jvm.descendants().forEach(seen::add);
        jvm.destroy();
        while (jvm.isAlive() || seen.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                seen.forEach(ProcessHandle::destroyForcibly);
                jvm.destroyForcibly();
                throw new ServerStartException("no AOT cache within " + timeout.toSeconds() + " s of stopping it; see " + log);
            }
            // the assembling JVM is the training JVM's child: note it while its parent is there to ask
            jvm.descendants().forEach(seen::add);
            Thread.sleep(100);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String said = read(log);
        if (!said.contains(COMPLETE) || !Files.isRegularFile(output)) {
            throw new ServerStartException("it wrote no AOT cache" + firstReason(said).map(r -> " (" + r + ")").orElse("")
                    + "; see " + log);
        }
        return took;
    }

    /**
     * Why a JVM started with {@code -XX:AOTMode=on} refused its cache, in one line, or empty
     * when its log says nothing of the kind.
     */
    public static Optional<String> refusal(Path log) {
        String said = read(log);
        if (!said.contains(UNUSABLE)) {
            return Optional.empty();
        }
        return Optional.of("the JVM could not use its AOT cache (" + firstReason(said).orElse("no reason given")
                + ") and did not start; the cache no longer fits the jar or the JVM: delete it to have it made again");
    }

    /**
     * Throws the {@link #refusal} of the JVM that logged into {@code log}, if that is why it exited.
     *
     * @throws ServerStartException naming the server and the JVM's reason
     */
    static void requireNotRefused(Path log, java.net.URI url) {
        refusal(log).ifPresent(reason -> {
            throw new ServerStartException("the server on " + url + ": " + reason);
        });
    }

    /**
     * The first AOT error with a reason in it, without the log's decorations. A mismatch says
     * only that something differs; the warning logged just before it says what.
     */
    private static Optional<String> firstReason(String log) {
        String warning = null;
        for (String line : log.lines().toList()) {
            Matcher m = AOT_LOG_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(2).strip();
            if (m.group(1).equals("warning")) {
                warning = text;
            } else if (!text.isEmpty() && GENERIC.stream().noneMatch(text::startsWith)) {
                text = text.replaceFirst("\\s*\\(hint:.*\\)$", "");
                return Optional.of(text.contains("mismatch") && warning != null ? text + ": " + warning : text);
            }
        }
        return Optional.empty();
    }

    private static String read(Path log) {
        try {
            // a server log may hold bytes that are not UTF-8: replaced, not a reason to see nothing
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
