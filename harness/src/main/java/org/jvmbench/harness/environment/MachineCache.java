package org.jvmbench.harness.environment;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Json;

/**
 * What this machine has measured before, kept between sweeps so that a sweep need not measure it
 * again: the injector's ceiling at each load, with the calibration measured beside it, and how
 * long the parts of a sweep took here (for the ETA).
 *
 * <p>One file per {@link Key}: CPU model and count, kernel, JDK, harness commit and the CPUs the
 * server and the injector are pinned to. Anything else is another file, so nothing measured on
 * another machine, JDK or harness is reused. The folder is {@code $BENCH_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/jvm-server-bench}, else {@code ~/.cache/jvm-server-bench}; deleting it
 * makes the next sweep measure everything again.
 */
public final class MachineCache {

    /** The environment variable that moves the cache, e.g. for tests. */
    public static final String DIR_VARIABLE = "BENCH_CACHE_DIR";

    /** What makes two machines the same one for the cache. */
    public record Key(String cpuModel, int cpus, String kernel, String jdk, String commit, String serverCpus,
                      String injectorCpus) {

        /** The key of the machine an {@link Environment} was captured on. */
        @SuppressWarnings("unchecked")
        public static Key of(Environment environment) {
            Map<String, Object> v = environment.values();
            Map<String, Object> pinning = (Map<String, Object>) v.getOrDefault("pinning", Map.of());
            return new Key(text(v.get("cpuModel")), v.get("cpus") instanceof Number n ? n.intValue() : 0, text(v.get("kernel")),
                    text(v.get("jdk")), text(v.get("commit")), text(pinning.get("server")), text(pinning.get("injector")));
        }

        String fileName() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(Json.MAPPER.writeValueAsString(this).getBytes(StandardCharsets.UTF_8));
                return "machine-" + HexFormat.of().formatHex(digest, 0, 8) + ".json";
            } catch (NoSuchAlgorithmException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String text(Object o) {
            return o == null ? "" : o.toString();
        }
    }

    /**
     * The injector's ceilings as last measured here.
     *
     * @param measuredAt              when
     * @param calibrationOpsPerSecond the calibration at the start of that sweep: a later sweep's calibration is
     *                                the spot check that says whether the machine is still as fast
     * @param rpsByLoad               requests per second by {@code endpoint + " c" + concurrency}
     */
    public record Ceilings(Instant measuredAt, double calibrationOpsPerSecond, Map<String, Double> rpsByLoad) {

        public Ceilings {
            rpsByLoad = Map.copyOf(rpsByLoad);
        }

        /**
         * The calibration now against the one beside these ceilings, e.g. {@code -0.04}; the ceilings
         * may be reused while its size stays within {@link Defaults#CACHE_TOLERANCE}.
         */
        public double drift(double calibrationNow) {
            return calibrationNow / calibrationOpsPerSecond - 1;
        }
    }

    /** The file's contents: the key again (so a reader sees whose it is), the ceilings, the learned times. */
    record Contents(Key key, Ceilings ceilings, Map<String, List<Double>> seconds) {
    }

    private final Path file;
    private final Key key;
    private Ceilings ceilings;
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    private MachineCache(Path file, Key key) {
        this.file = file;
        this.key = key;
    }

    /** The cache for {@code key} in {@code dir}: empty when nothing was kept, or the file is unreadable or another key's. */
    public static MachineCache open(Path dir, Key key) {
        MachineCache cache = new MachineCache(dir.resolve(key.fileName()), key);
        if (Files.isRegularFile(cache.file)) {
            try {
                Contents c = Json.MAPPER.readValue(cache.file.toFile(), Contents.class);
                if (key.equals(c.key())) {
                    cache.ceilings = c.ceilings();
                    if (c.seconds() != null) {
                        c.seconds().forEach((what, values) -> cache.seconds.put(what, new ArrayList<>(values)));
                    }
                }
            } catch (IOException e) {
                // a damaged cache is measured again, not trusted
            }
        }
        return cache;
    }

    /** Where the cache lives on this machine (see the class comment). */
    public static Path defaultDir() {
        String dir = System.getenv(DIR_VARIABLE);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jvm-server-bench");
    }

    public Path file() {
        return file;
    }

    public Optional<Ceilings> ceilings() {
        return Optional.ofNullable(ceilings);
    }

    /** Keeps freshly measured ceilings, with those of other loads measured before. */
    public void putCeilings(Ceilings measured) {
        Map<String, Double> all = new LinkedHashMap<>(ceilings == null ? Map.of() : ceilings.rpsByLoad());
        all.putAll(measured.rpsByLoad());
        ceilings = new Ceilings(measured.measuredAt(), measured.calibrationOpsPerSecond(), all);
    }

    /** Remembers how long {@code what} took, keeping the last {@link Defaults#CACHE_TIMES_KEPT}. */
    public void learn(String what, double secondsTaken) {
        List<Double> values = seconds.computeIfAbsent(what, w -> new ArrayList<>());
        values.add(secondsTaken);
        while (values.size() > Defaults.CACHE_TIMES_KEPT) {
            values.removeFirst();
        }
    }

    /** The median of what {@code what} took here, or empty when never measured. */
    public OptionalDouble typical(String what) {
        List<Double> values = seconds.get(what);
        if (values == null || values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /** Every learned time by what it measured, e.g. {@code warm-up servlet platform /json}. */
    public Map<String, List<Double>> seconds() {
        return Map.copyOf(seconds);
    }

    /** Writes the file whole or not at all (a sweep stopped mid-write leaves the previous one). */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Contents(key, ceilings, seconds));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
