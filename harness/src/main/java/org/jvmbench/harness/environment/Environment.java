package org.jvmbench.harness.environment;

import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.result.Json;
import org.jvmbench.protocol.info.InfoBody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sweep ran, recorded once per sweep ({@code environment.json}): numbers mean
 * nothing without the machine, the JDK, the pinning and the versions that produced them.
 * Server-side versions and JVM arguments are added from the first {@code /info}.
 */
public final class Environment {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Environment() {
    }

    public static Environment capture(Path projectRoot, String serverCpus, String injectorCpus, String injectorClasspath) {
        Environment env = new Environment();
        env.values.put("recordedAt", Instant.now().toString());
        env.values.put("host", hostName());
        env.values.put("cpuModel", cpuModel(Path.of("/proc/cpuinfo")));
        env.values.put("cpus", Runtime.getRuntime().availableProcessors());
        env.values.put("memoryBytes", memTotalBytes(Path.of("/proc/meminfo")));
        env.values.put("kernel", readFirstLine(Path.of("/proc/sys/kernel/osrelease")));
        env.values.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.values.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        env.values.put("javaHome", System.getProperty("java.home"));
        Map<String, String> pinning = new LinkedHashMap<>();
        pinning.put("server", serverCpus);
        pinning.put("injector", injectorCpus);
        env.values.put("pinning", pinning);
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("gatling", jarVersion(injectorClasspath, "gatling-core"));
        versions.put("hdrHistogram", jarVersion(injectorClasspath, "HdrHistogram"));
        env.values.put("versions", versions);
        env.values.put("commit", gitCommit(projectRoot));
        List<String> inherited = ChildProcesses.CLEARED_VARIABLES.stream().filter(v -> System.getenv(v) != null).toList();
        if (!inherited.isEmpty()) {
            // the values may hold anything, secrets included; that they were there and cleared is what matters
            env.values.put("clearedFromChildJvms", inherited);
        }
        return env;
    }

    /**
     * On resume: the environment the sweep started in stays the record; this capture is
     * added under {@code resumes}, with every key whose value differs, so a reader sees a
     * sweep finished on another JDK or commit.
     */
    @SuppressWarnings("unchecked")
    public Environment resuming(Map<String, Object> original) {
        Environment merged = new Environment();
        merged.values.putAll(original);
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("recordedAt", values.get("recordedAt"));
        for (String key : List.of("host", "cpuModel", "cpus", "kernel", "jdk", "pinning", "commit")) {
            Object before = original.get(key);
            Object now = values.get(key);
            // compared as JSON trees: a map read back from the file keeps its own key order
            if (now != null && !Json.MAPPER.valueToTree(now).equals(Json.MAPPER.valueToTree(before))) {
                resume.put(key, now);
            }
        }
        List<Object> resumes = new java.util.ArrayList<>((List<Object>) original.getOrDefault("resumes", List.of()));
        resumes.add(resume);
        merged.values.put("resumes", resumes);
        merged.values.putIfAbsent("versions", new LinkedHashMap<>());
        merged.values.put("versions", new LinkedHashMap<>((Map<String, String>) merged.values.get("versions")));
        return merged;
    }

    /** Keys of {@link #resuming} whose values changed since the sweep started, for a warning. */
    @SuppressWarnings("unchecked")
    public List<String> changedOnResume() {
        List<Object> resumes = (List<Object>) values.getOrDefault("resumes", List.of());
        if (resumes.isEmpty()) {
            return List.of();
        }
        Map<String, Object> last = (Map<String, Object>) resumes.getLast();
        return last.keySet().stream().filter(k -> !k.equals("recordedAt")).toList();
    }

    /**
     * Adds what only a running app can tell: Spring Boot and engine versions, and the JVM
     * arguments each server configuration actually ran with, as its {@code /info} reports them.
     */
    @SuppressWarnings("unchecked")
    public void addServer(String configurationId, InfoBody info) {
        Map<String, String> versions = (Map<String, String>) values.get("versions");
        versions.put("springBoot", info.versions().springBoot());
        // keyed by the engine /info names: undertow, tomcat, jetty; reactor-netty as it always was
        versions.put(info.engine().equals("reactor-netty") ? "reactorNetty" : info.engine(), info.versions().engine());
        versions.put("serverJava", info.versions().java());
        Map<String, Object> jvmArgs = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("serverJvmArguments", Map.of()));
        values.put("serverJvmArguments", jvmArgs);
        jvmArgs.putIfAbsent(configurationId, info.jvm().inputArguments());
    }

    /**
     * Adds what the harness knows of a user's own jar, which has no {@code /info}: the jar, its
     * engine, the Spring Boot version its manifest names, and the JVM's command line as the
     * running process shows it.
     */
    @SuppressWarnings("unchecked")
    public void addOwnJar(String configurationId, String jar, String engine, String springBootVersion, List<String> commandLine) {
        Map<String, Object> jars = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("ownJars", Map.of()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("jar", jar);
        entry.put("engine", engine);
        entry.put("springBoot", springBootVersion);
        jars.putIfAbsent(configurationId, entry);
        values.put("ownJars", jars);
        Map<String, Object> jvmArgs = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("serverJvmArguments", Map.of()));
        values.put("serverJvmArguments", jvmArgs);
        jvmArgs.putIfAbsent(configurationId, List.copyOf(commandLine));
    }

    /**
     * Each server configuration's knobs as read back from the running server, or said to be
     * unverified where it could not be read ({@code threads: 16 (asked 16)}).
     */
    @SuppressWarnings("unchecked")
    public void addReadBack(String configurationId, Map<String, String> knobs) {
        Map<String, Object> all = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("serverSettings", Map.of()));
        all.putIfAbsent(configurationId, new LinkedHashMap<>(knobs));
        values.put("serverSettings", all);
    }

    /** The machine's calibration at {@code when} (start, end): a slower machine is a number, not a slower framework. */
    @SuppressWarnings("unchecked")
    public void addCalibration(String when, Calibration.Figure figure) {
        Map<String, Object> calibration = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("calibration", Map.of()));
        String key = when;
        for (int n = 2; calibration.containsKey(key); n++) {
            key = when + " " + n;
        }
        calibration.put(key, figure);
        values.put("calibration", calibration);
    }

    /** What the injector reached against the reference target, by load ({@code /json c64}), requests per second. */
    public void addInjectorCeilings(Map<String, Double> rpsByLoad) {
        values.put("injectorCeilingRps", new LinkedHashMap<>(rpsByLoad));
    }

    /** Where the injector's ceilings came from: measured in this sweep, or cached (when, and the calibration's move since). */
    public void addInjectorCeilingSource(String source) {
        values.put("injectorCeilingSource", source);
    }

    /** Where the sweep's wall time went, in seconds by part, and the ETA it printed (see the sweep's time-spent line). */
    public void addTimeSpent(Map<String, Double> seconds) {
        values.put("timeSpent", new LinkedHashMap<>(seconds));
    }

    /** The Gatling JVM's options: the client's settings belong to the record as much as the server's. */
    public void addInjector(List<String> jvmOptions) {
        values.put("injectorJvmArguments", List.copyOf(jvmOptions));
    }

    /**
     * The machines of a sweep on several hosts: each one's role, CPUs, kernel, JDK and clock offset
     * as measured from here; this machine, above, is then the coordinator.
     */
    public void addHosts(List<Map<String, Object>> hosts, String serverAddress) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("serverAddress", serverAddress);
        section.put("machines", hosts.stream().map(LinkedHashMap::new).toList());
        values.put("hosts", section);
    }

    public Map<String, Object> values() {
        return values;
    }

    static String cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    static Long memTotalBytes(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return null;
    }

    /** The version of the jar named {@code artifact-<version>.jar} on a classpath, or "unknown". */
    static String jarVersion(String classpath, String artifact) {
        Matcher m = Pattern.compile("(?:^|[/:])" + Pattern.quote(artifact) + "-([0-9][^/:]*?)\\.jar").matcher(classpath == null ? "" : classpath);
        return m.find() ? m.group(1) : "unknown";
    }

    private static String readFirstLine(Path path) {
        try {
            return Files.readAllLines(path).getFirst().trim();
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.version");
        }
    }

    /** This machine's name, as its resolver gives it. */
    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String gitCommit(Path root) {
        String commit = run(root, "git", "rev-parse", "HEAD");
        if (commit == null) {
            return "unknown";
        }
        // reports/ is output: a sweep writing there must not call its own commit dirty
        String status = run(root, "git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)reports");
        return status != null && !status.isBlank() ? commit + " (with uncommitted changes)" : commit;
    }

    private static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
