package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.server.App;
import org.jvmbench.harness.server.CpuSet;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a sweep file (YAML, or the JSON {@link SweepWriter} writes) into a resolved
 * {@link Sweep}, or fails with a {@link SweepFileException} whose message is one line:
 * {@code <file>: <where>: <problem>}. Resolved files go through the same checks, so a
 * hand-edited {@code sweep.json} cannot slip past them on resume.
 */
public final class SweepReader {

    /** The paths the apps serve; a query may follow, e.g. {@code /io?ms=10}. */
    public static final List<String> ENDPOINT_PATHS = List.of("/json", "/io", "/cpu", "/mixed");

    /** The version {@link SweepWriter} writes; files without {@code schema} are read as this one. */
    public static final int SCHEMA_VERSION = 1;

    static final List<String> TOP_KEYS = List.of("schema", "name", "question", "description", "duration", "warmup",
            "repeat", "heap", "gc", "starvation", "requestTimeout", "injectorHeap", "cpus", "jvmArgs", "load", "servers");
    static final List<String> SERVER_KEYS = List.of("app", "workers", "threads", "virtualThreads", "processes", "load");
    static final List<String> LOAD_KEYS = List.of("endpoints", "concurrency");
    static final List<String> CPU_KEYS = List.of("server", "injector");

    private static final String DEFAULT = "default";

    private SweepReader() {
    }

    /**
     * Reads and checks a sweep file.
     *
     * @param file        a {@code .yaml}/{@code .yml} sweep or a {@code .json} resolved sweep; named in messages as given
     * @param machineCpus CPUs of this machine (0 .. n-1), what the CPU sets are checked against
     */
    public static Sweep read(Path file, int machineCpus) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SweepFileException(file + ": no such file");
        } catch (IOException e) {
            throw new SweepFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        String fileName = file.getFileName().toString();
        Format format = fileName.endsWith(".json") ? Format.JSON : Format.YAML;
        String name = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        return parse(text, format, file.toString(), name, machineCpus);
    }

    /** The two syntaxes a sweep comes in: YAML as people write it, JSON as {@link SweepWriter} records it. */
    public enum Format {
        YAML, JSON
    }

    /**
     * Reads sweep text.
     *
     * @param label       how messages name the file
     * @param defaultName the name when the text gives none
     */
    public static Sweep parse(String text, Format format, String label, String defaultName, int machineCpus) {
        return new Reading(label, machineCpus).sweep(text, format, defaultName);
    }

    /** The leading comment lines, without their {@code #}: the question a sweep file opens with. */
    static String leadingComment(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String t = line.strip();
            if (t.isEmpty() && lines.isEmpty()) {
                continue;
            }
            if (!t.startsWith("#")) {
                break;
            }
            lines.add(t.substring(1).strip());
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    /** One pass over one file: knows its label for messages and the machine's CPU count. */
    private static final class Reading {
        private final String label;
        private final int machineCpus;

        Reading(String label, int machineCpus) {
            this.label = label;
            this.machineCpus = machineCpus;
        }

        SweepFileException fail(String where, String problem) {
            return new SweepFileException(label + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
        }

        Sweep sweep(String text, Format format, String defaultName) {
            JsonNode root = tree(text, format);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw fail("", "empty file: expected settings and a 'servers' list");
            }
            if (!root.isObject()) {
                throw fail("", "expected a mapping of settings at the top, got " + describe(root));
            }
            requireKnownKeys(root, "", TOP_KEYS);

            if (root.has("schema")) {
                JsonNode s = root.get("schema");
                if (!s.isInt() || s.intValue() != SCHEMA_VERSION) {
                    throw fail("schema", "unsupported version " + s + " (this harness reads " + SCHEMA_VERSION + ")");
                }
            }
            String name = root.has("name") ? name(root.get("name")) : defaultName;
            String question = root.has("question") ? text(root.get("question"), "question") : leadingComment(text);
            String description = root.has("description") ? text(root.get("description"), "description") : "";
            Duration duration = duration(root, "duration", Defaults.DURATION);
            Duration warmup = duration(root, "warmup", Defaults.WARMUP);
            Duration requestTimeout = duration(root, "requestTimeout", Defaults.REQUEST_TIMEOUT);
            int repeat = root.has("repeat") ? wholeNumber(root.get("repeat"), "repeat", 1) : Defaults.REPEAT;
            String heap = root.has("heap") ? heap(root.get("heap"), "heap") : Defaults.HEAP;
            String injectorHeap = root.has("injectorHeap") ? heap(root.get("injectorHeap"), "injectorHeap")
                    : Defaults.INJECTOR_HEAP;
            Gc gc = gc(root);
            boolean starvation = root.has("starvation") ? bool(root.get("starvation"), "starvation") : Defaults.STARVATION;
            CpuPinning cpus = cpus(root.get("cpus"));
            List<String> jvmArgs = root.has("jvmArgs") ? jvmArgs(root.get("jvmArgs")) : List.of();
            PartialLoad defaultLoad = root.has("load") ? load(root.get("load"), "load") : PartialLoad.NONE;
            List<ServerEntry> servers = servers(root.get("servers"), defaultLoad);

            if (starvation) {
                requireServletOnly(servers);
            }
            Sweep sweep = new Sweep(name, question, description, duration, warmup, repeat, heap, gc, starvation,
                    requestTimeout, injectorHeap, cpus, jvmArgs, servers);
            requireDistinctConfigurations(sweep);
            return sweep;
        }

        JsonNode tree(String text, Format format) {
            ObjectMapper mapper = format == Format.JSON ? new ObjectMapper() : new YAMLMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                return mapper.readTree(text);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                int line = at != null ? at.getLineNr() : -1;
                String problem = firstLine(e.getOriginalMessage());
                // SnakeYAML's message opens with the context ("while parsing a flow mapping")
                // and names the actual problem, and its line, further down
                if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
                    problem = yaml.getProblem().strip()
                            + (yaml.getContext() != null ? " (" + yaml.getContext().strip() + ")" : "");
                    if (yaml.getProblemMark() != null) {
                        line = yaml.getProblemMark().getLine() + 1;
                    }
                }
                throw new SweepFileException(label + ": " + (line > 0 ? "line " + line + ": " : "")
                        + format + " syntax error: " + problem, e);
            }
        }

        // --- top-level settings ----------------------------------------------------------

        String name(JsonNode node) {
            String name = text(node, "name");
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw fail("name", "'" + name + "' may only hold letters, digits, '.', '_' and '-' (it names report folders)");
            }
            return name;
        }

        Duration duration(JsonNode parent, String key, Duration fallback) {
            if (!parent.has(key)) {
                return fallback;
            }
            JsonNode node = parent.get(key);
            if (node.isIntegralNumber()) {
                throw fail(key, "'" + node + "' needs a unit: ms, s, m or h (e.g. 30s)");
            }
            try {
                return DurationText.parse(text(node, key));
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
        }

        String heap(JsonNode node, String where) {
            if (!node.isTextual()) {
                throw fail(where, "expected a size like 512m or 1g, got " + describe(node));
            }
            String heap = node.textValue().strip();
            if (!heap.matches("[1-9][0-9]*[kKmMgG]")) {
                throw fail(where, "'" + heap + "' is not a heap size (expected e.g. 512m or 1g)");
            }
            return heap;
        }

        Gc gc(JsonNode root) {
            if (!root.has("gc")) {
                return Gc.parse(Defaults.GC);
            }
            try {
                return Gc.parse(text(root.get("gc"), "gc"));
            } catch (SweepFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw fail("gc", e.getMessage());
            }
        }

        /**
         * Both sets as given; one given, the other takes the rest of the machine; none
         * given, servers take the first half and the injector the second (the larger half on
         * an odd count: Gatling needs more CPU than a server it cannot saturate).
         */
        CpuPinning cpus(JsonNode node) {
            CpuSet server = null;
            CpuSet injector = null;
            if (node != null) {
                if (!node.isObject()) {
                    throw fail("cpus", "expected a mapping with server and injector, got " + describe(node));
                }
                requireKnownKeys(node, "cpus", CPU_KEYS);
                server = node.has("server") ? cpuSet(node.get("server"), "cpus.server") : null;
                injector = node.has("injector") ? cpuSet(node.get("injector"), "cpus.injector") : null;
            }
            CpuSet machine = CpuSet.all(machineCpus);
            if (server == null && injector == null) {
                if (machineCpus < 2) {
                    throw fail("cpus", "this machine has " + machineCpus + " CPU: server and injector need at least one each");
                }
                int half = machineCpus / 2;
                server = new CpuSet(IntStream.range(0, half).boxed().toList());
                injector = new CpuSet(IntStream.range(half, machineCpus).boxed().toList());
            } else if (injector == null) {
                injector = rest(machine, server, "cpus.server", "injector");
            } else if (server == null) {
                server = rest(machine, injector, "cpus.injector", "server");
            }
            List<Integer> shared = server.cpus().stream().filter(injector.cpus()::contains).toList();
            if (!shared.isEmpty()) {
                throw fail("cpus", "server CPUs " + server + " and injector CPUs " + injector + " overlap on "
                        + (shared.size() == 1 ? "CPU " : "CPUs ") + new CpuSet(shared)
                        + ": the injector's work would count against the server");
            }
            return new CpuPinning(server, injector);
        }

        CpuSet rest(CpuSet machine, CpuSet taken, String where, String other) {
            List<Integer> rest = machine.cpus().stream().filter(c -> !taken.cpus().contains(c)).toList();
            if (rest.isEmpty()) {
                throw fail(where, "takes every CPU of this machine (" + machine + "), leaving none for the " + other);
            }
            return new CpuSet(rest);
        }

        CpuSet cpuSet(JsonNode node, String where) {
            String text;
            if (node.isInt()) {
                text = String.valueOf(node.intValue());
            } else if (node.isTextual()) {
                text = node.textValue();
            } else {
                throw fail(where, "expected a CPU list like \"0\" or \"0-1\" or \"0,2\", got " + describe(node));
            }
            try {
                return CpuSet.parse(text).requireWithin(machineCpus);
            } catch (IllegalArgumentException e) {
                throw fail(where, e.getMessage());
            }
        }

        List<String> jvmArgs(JsonNode node) {
            List<String> args = new ArrayList<>();
            List<JsonNode> items = node.isArray() ? list(node) : List.of(node);
            for (int i = 0; i < items.size(); i++) {
                String where = node.isArray() ? "jvmArgs[" + i + "]" : "jvmArgs";
                String arg = text(items.get(i), where);
                if (!arg.startsWith("-")) {
                    throw fail(where, "'" + arg + "' is not a JVM option (options start with -)");
                }
                // heap and gc have keys of their own, recorded with every result; a jvmArg
                // overriding them would make the record lie
                if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-XX:MaxHeapSize")) {
                    throw fail(where, "'" + arg + "' sets the heap: use the heap key instead");
                }
                if (arg.matches("-XX:[+-]Use\\w*GC")) {
                    throw fail(where, "'" + arg + "' picks a collector: use the gc key instead");
                }
                args.add(arg);
            }
            return args;
        }

        /** The reactive app has no starvation mode: its split work never blocks a thread. */
        void requireServletOnly(List<ServerEntry> servers) {
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).apps().contains(App.REACTIVE)) {
                    throw fail("starvation", "true does not apply to reactive, which servers[" + i
                            + "] runs (servlet only: its split work never blocks a thread)");
                }
            }
        }

        // --- servers ---------------------------------------------------------------------

        List<ServerEntry> servers(JsonNode node, PartialLoad defaultLoad) {
            if (node == null) {
                throw fail("", "missing 'servers': list the server configurations to run");
            }
            if (node.isNull()) {
                throw fail("servers", "has no value: list the server configurations to run");
            }
            List<JsonNode> items = node.isArray() ? list(node) : List.of(node);
            if (items.isEmpty()) {
                throw fail("servers", "empty list: give at least one server entry");
            }
            List<ServerEntry> entries = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                entries.add(server(items.get(i), node.isArray() ? "servers[" + i + "]" : "servers", defaultLoad));
            }
            return entries;
        }

        ServerEntry server(JsonNode node, String where, PartialLoad defaultLoad) {
            if (!node.isObject()) {
                throw fail(where, "expected a mapping with at least 'app', got " + describe(node));
            }
            requireKnownKeys(node, where, SERVER_KEYS);
            if (!node.has("app")) {
                throw fail(where, "missing 'app' (servlet, reactive, or a list of both)");
            }
            List<App> apps = axis(node.get("app"), where + ".app", (item, at) -> {
                try {
                    return App.parse(text(item, at));
                } catch (SweepFileException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw fail(at, e.getMessage());
                }
            });
            List<Integer> workers = node.has("workers") ? threadCounts(node.get("workers"), where + ".workers")
                    : nullList();
            List<Integer> threads = node.has("threads") ? threadCounts(node.get("threads"), where + ".threads")
                    : nullList();
            List<Boolean> virtualThreads = List.of(false);
            if (node.has("virtualThreads")) {
                String at = where + ".virtualThreads";
                virtualThreads = axis(node.get("virtualThreads"), at, this::bool);
                if (virtualThreads.contains(true) && apps.contains(App.REACTIVE)) {
                    throw fail(at, "true does not apply to reactive (servlet only)");
                }
            }
            List<Integer> processes = node.has("processes")
                    ? axis(node.get("processes"), where + ".processes", (item, at) -> wholeNumber(item, at, 1))
                    : List.of(1);
            PartialLoad own = node.has("load") ? load(node.get("load"), where + ".load") : PartialLoad.NONE;
            List<String> endpoints = own.endpoints != null ? own.endpoints : defaultLoad.endpoints;
            List<Integer> concurrency = own.concurrency != null ? own.concurrency : defaultLoad.concurrency;
            if (endpoints == null) {
                throw fail(where, "no load.endpoints: give them under load, at the top or in this entry");
            }
            if (concurrency == null) {
                throw fail(where, "no load.concurrency: give it under load, at the top or in this entry");
            }
            return new ServerEntry(apps, workers, threads, virtualThreads, processes, new Load(endpoints, concurrency));
        }

        /** Whole numbers of at least 1, or {@code default} (null) for the engine's own choice. */
        List<Integer> threadCounts(JsonNode node, String where) {
            return axis(node, where, (item, at) -> {
                if (item.isTextual() && item.textValue().strip().equals(DEFAULT)) {
                    return null;
                }
                if (!item.isIntegralNumber()) {
                    throw fail(at, "expected a whole number or 'default', got " + describe(item));
                }
                return wholeNumber(item, at, 1);
            });
        }

        /** Load axes as written; a server entry takes each one it lacks from the top-level load. */
        record PartialLoad(List<String> endpoints, List<Integer> concurrency) {
            static final PartialLoad NONE = new PartialLoad(null, null);
        }

        PartialLoad load(JsonNode node, String where) {
            if (!node.isObject()) {
                throw fail(where, "expected a mapping with endpoints and concurrency, got " + describe(node));
            }
            requireKnownKeys(node, where, LOAD_KEYS);
            List<String> endpoints = node.has("endpoints")
                    ? axis(node.get("endpoints"), where + ".endpoints", this::endpoint) : null;
            List<Integer> concurrency = node.has("concurrency")
                    ? axis(node.get("concurrency"), where + ".concurrency", (item, at) -> wholeNumber(item, at, 1))
                    : null;
            return new PartialLoad(endpoints, concurrency);
        }

        String endpoint(JsonNode node, String where) {
            String endpoint = text(node, where);
            if (!endpoint.startsWith("/")) {
                throw fail(where, "'" + endpoint + "' must start with /");
            }
            if (endpoint.chars().anyMatch(Character::isWhitespace)) {
                throw fail(where, "'" + endpoint + "' must not contain spaces");
            }
            int q = endpoint.indexOf('?');
            String path = q < 0 ? endpoint : endpoint.substring(0, q);
            if (!ENDPOINT_PATHS.contains(path)) {
                throw fail(where, "unknown endpoint '" + path + "' (known: " + String.join(", ", ENDPOINT_PATHS) + ")");
            }
            if (q >= 0 && q == endpoint.length() - 1) {
                throw fail(where, "'" + endpoint + "' has an empty query");
            }
            return endpoint;
        }

        /**
         * Two entries yielding the same configuration would start it twice under one id, and
         * two endpoints may differ only in characters a point id drops ({@code /io?ms=1} vs
         * {@code /io?ms_1}): both would break resume, which matches on ids.
         */
        void requireDistinctConfigurations(Sweep sweep) {
            Map<String, Integer> configurations = new HashMap<>();
            for (Plan.Configuration c : Plan.configurations(sweep)) {
                Integer earlier = configurations.putIfAbsent(c.key().id(), c.entry());
                if (earlier != null) {
                    throw fail("servers[" + c.entry() + "]", "configuration " + c.key().id()
                            + (earlier == c.entry() ? " occurs twice" : " is already in servers[" + earlier + "]")
                            + " (merge their load axes into one entry)");
                }
                Map<String, String> pointIds = new HashMap<>();
                for (LoadPoint p : c.points(1)) {
                    String other = pointIds.putIfAbsent(p.id(), p.endpoint());
                    if (other != null) {
                        throw fail("servers[" + c.entry() + "].load.endpoints", "'" + other + "' and '" + p.endpoint()
                                + "' give the same point id " + p.id());
                    }
                }
            }
        }

        // --- shapes ----------------------------------------------------------------------

        /**
         * A list of values, or a single value standing for a one-element list. Empty lists and
         * repeated values are errors: both are typos that would silently shrink a sweep.
         */
        <T> List<T> axis(JsonNode node, String where, BiFunction<JsonNode, String, T> item) {
            if (node.isNull()) {
                throw fail(where, "has no value (remove the key to use the default)");
            }
            List<T> values = new ArrayList<>();
            if (!node.isArray()) {
                values.add(item.apply(node, where));
                return values;
            }
            if (node.isEmpty()) {
                throw fail(where, "empty axis: give at least one value");
            }
            Set<T> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                T value = item.apply(node.get(i), where + "[" + i + "]");
                if (!seen.add(value)) {
                    throw fail(where, "duplicate value " + (value == null ? DEFAULT : value));
                }
                values.add(value);
            }
            return values;
        }

        int wholeNumber(JsonNode node, String where, int min) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw fail(where, "expected a whole number, got " + describe(node));
            }
            int value = node.intValue();
            if (value < min) {
                throw fail(where, "must be at least " + min + ", got " + value);
            }
            return value;
        }

        boolean bool(JsonNode node, String where) {
            if (!node.isBoolean()) {
                throw fail(where, "expected true or false, got " + describe(node));
            }
            return node.booleanValue();
        }

        String text(JsonNode node, String where) {
            if (!node.isTextual()) {
                throw fail(where, "expected text, got " + describe(node));
            }
            return node.textValue();
        }

        void requireKnownKeys(JsonNode node, String where, List<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!known.contains(key)) {
                    throw fail(where, "unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
                }
            }
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<Integer> nullList() {
        List<Integer> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    /** How a message names what it found instead: kind and, for scalars, the value. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "text '" + node.textValue() + "'";
        }
        if (node.isBoolean()) {
            return node.booleanValue() + "";
        }
        if (node.isNumber()) {
            return "number " + node.asText();
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
