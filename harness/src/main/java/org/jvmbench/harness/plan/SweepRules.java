package org.jvmbench.harness.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.environment.Machine;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.KnobException;
import org.jvmbench.harness.settings.ServerSpec;

/**
 * The rules of a sweep that no single value or record can check: those across keys, those
 * that need the whole file (defaults it fills in, duplicate configurations), and those that
 * need the machine it will run on. A bound {@link Sweep} goes in, a resolved one comes out, or
 * one line naming the place. The server settings' own rules are {@link ServerSpec}'s; this
 * builds every configuration's spec and says where in the file a refused one came from.
 */
final class SweepRules {

    /** The paths the apps serve; a query may follow, e.g. {@code /io?ms=10}. */
    static final List<String> ENDPOINT_PATHS = List.of("/json", "/io", "/cpu", "/mixed");

    private final Machine machine;
    private final Places at;

    SweepRules(Machine machine, Places at) {
        this.machine = machine;
        this.at = at;
    }

    /**
     * @param defaultName     the name when the file gives none: its file name
     * @param leadingComment  the question when the file gives none: its opening comment
     */
    Sweep resolve(Sweep bound, String defaultName, String leadingComment) {
        CpuPinning cpus = cpus(bound.cpus());
        Load defaults = bound.load() != null ? bound.load() : new Load(null, null);
        requireLoad(defaults, "load");
        List<ServerEntry> entries = new ArrayList<>();
        for (int i = 0; i < bound.servers().size(); i++) {
            ServerEntry entry = bound.servers().get(i);
            String place = at.entry(i);
            if (entry.load() != null) {
                requireLoad(entry.load(), place + ".load");
            }
            Load load = entry.load() != null ? entry.load().orElse(defaults) : defaults;
            if (load.endpoints() == null) {
                throw at.fail(place, "no load.endpoints: give them under load, at the top or in this entry");
            }
            if (load.concurrency() == null && load.rates() == null) {
                throw at.fail(place, "no load.concurrency (closed load) or load.rates (open load): give one under load, "
                        + "at the top or in this entry");
            }
            if (entry.jar() == null) {
                requireOurEndpoints(load, entry.load() != null && entry.load().endpoints() != null ? place + ".load" : "load");
            } else {
                entry = entry.withJar(requireJar(entry.jar(), place + ".jar"));
            }
            if (bound.starvation() && entry.apps().contains(App.REACTIVE)) {
                throw at.fail("starvation", "true does not apply to reactive, which " + place
                        + " runs (servlet only: its split work never blocks a thread)");
            }
            if (bound.hosts() != null) {
                requireSplittable(load, entry.load() != null && entry.load().concurrency() != null ? place + ".load" : "load",
                        bound.hosts().injectors().size());
            }
            entries.add(entry.withLoad(load));
        }
        if (bound.hosts() != null) {
            requireHosts(bound);
        }
        requireInjectorHeap(bound.injectorHeap());
        if (bound.profile() != null) {
            try {
                machine.requireProfiling();
            } catch (IllegalArgumentException e) {
                throw at.fail("profile", e.getMessage());
            }
        }
        Sweep sweep = bound.resolved(bound.name() != null ? bound.name() : defaultName,
                bound.question() != null ? bound.question() : leadingComment, cpus, entries);
        requireRunnableConfigurations(sweep);
        return sweep.inRounds() ? pairable(sweep) : sweep;
    }

    /**
     * The paired design keeps the configurations of a repetition alive together and measures
     * closed loads in slices on this machine: at least two configurations, no open load (a slice
     * of a rate has no capacity probe of its own), no profiler (its cost would fall on one arm's
     * slices), no hosts (the arms are parked on this machine's server CPUs). At most
     * {@code paired.maxAlive} server JVMs are alive at once, by default as many as this machine's
     * memory holds beside the injector; the baseline and the largest other configuration must fit
     * together, since every block keeps the baseline. Returns the sweep with the bound resolved.
     */
    private Sweep pairable(Sweep sweep) {
        List<Plan.Configuration> configurations = Plan.configurations(sweep);
        if (configurations.size() < 2) {
            throw at.fail("design", "paired needs at least two configurations to compare, this sweep has "
                    + configurations.size());
        }
        if (sweep.hosts() != null) {
            throw at.fail("design", "paired does not apply with hosts: the arms are kept alive on this machine's server CPUs");
        }
        if (sweep.profile() != null) {
            throw at.fail("profile", "does not apply with design: paired (the profiler's cost would fall on one arm's slices)");
        }
        for (Plan.Configuration c : configurations) {
            if (c.load().rates() != null) {
                throw at.fail(at.entry(c.entry()) + ".load.rates", "paired measures closed loads (concurrency); "
                        + "an open load's share of capacity has no probe per slice");
            }
        }
        long injector = sweep.injectorHeap().bytes() + Defaults.JVM_NON_HEAP_BYTES;
        long perJvm = configurations.stream().mapToLong(c -> c.spec().memoryBytes() / c.spec().processes()).max().orElseThrow();
        int fit = (int) Math.min(Integer.MAX_VALUE, Math.max(0, machine.memoryBytes() - injector) / perJvm);
        Plan.Configuration baseline = configurations.getFirst();
        Plan.Configuration largest = configurations.stream().skip(1)
                .max(java.util.Comparator.comparingInt(c -> c.spec().processes())).orElseThrow();
        int needed = baseline.spec().processes() + largest.spec().processes();
        Integer given = sweep.paired().maxAlive();
        if (needed > fit) {
            throw at.fail("design", "paired keeps the baseline alive beside each configuration: " + needed
                    + " server JVMs and the injector need " + HeapSize.describe(injector + needed * perJvm)
                    + ", more than this machine's memory (" + HeapSize.describe(machine.memoryBytes()) + "); lower heap or processes");
        }
        if (given != null && given > fit) {
            throw at.fail("paired.maxAlive", given + " server JVMs and the injector need "
                    + HeapSize.describe(injector + given * perJvm) + ", more than this machine's memory ("
                    + HeapSize.describe(machine.memoryBytes()) + "); at most " + fit + " fit");
        }
        if (given != null && given < needed) {
            throw at.fail("paired.maxAlive", given + " cannot hold the baseline (" + baseline.spec().processes()
                    + " JVM" + (baseline.spec().processes() == 1 ? "" : "s") + ") beside " + at.entry(largest.entry())
                    + " (" + largest.spec().processes() + "): every block keeps the baseline alive; give at least " + needed);
        }
        return given != null ? sweep : sweep.withPaired(sweep.paired().withMaxAlive(fit));
    }

    /**
     * Every injector of {@code hosts:} gets at least one user (or connection) of each point: the
     * load is a total, split across them ({@link Hosts#share}).
     */
    private void requireSplittable(Load load, String place, int injectors) {
        if (injectors < 2 || load.concurrency() == null) {
            return;
        }
        for (int c : load.concurrency()) {
            if (c < injectors) {
                throw at.fail(at.item(place + ".concurrency", c), c + " cannot be split across the " + injectors
                        + " injectors of hosts.injectors: the load is a total, and each injector needs at least 1");
            }
        }
    }

    /**
     * What a sweep on several machines needs from this one: the key and known_hosts files it
     * names; and no profiler or AOT cache, which work on a server on this machine only.
     */
    private void requireHosts(Sweep bound) {
        Hosts hosts = bound.hosts();
        requireFile(hosts.knownHosts(), "hosts.knownHosts");
        requireFile(hosts.identity(), "hosts.identity");
        if (bound.profile() != null) {
            throw at.fail("profile", "does not apply with hosts: the profiler attaches to a server on this machine");
        }
        for (int i = 0; i < bound.servers().size(); i++) {
            List<Boolean> aot = bound.servers().get(i).aotCache();
            if (aot != null && aot.contains(Boolean.TRUE)) {
                throw at.fail(at.entry(i) + ".aotCache", "true does not apply with hosts: the cache is trained and kept on this machine");
            }
        }
    }

    private void requireFile(String file, String place) {
        java.nio.file.Path path = Hosts.path(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw at.fail(place, file + " does not exist" + (java.nio.file.Files.isDirectory(path) ? " as a file (it is a folder)" : ""));
        }
    }

    /** Our apps serve these paths; a user's own jar serves what it serves. */
    private void requireOurEndpoints(Load load, String place) {
        for (String endpoint : load.endpoints()) {
            if (!ENDPOINT_PATHS.contains(Load.path(endpoint))) {
                throw at.fail(at.item(place + ".endpoints", endpoint), "unknown endpoint '" + Load.path(endpoint)
                        + "' (known: " + String.join(", ", ENDPOINT_PATHS) + "; a jar entry may load any path)");
            }
        }
    }

    /**
     * A user's jar exists and is a Spring Boot jar (its manifest names a Spring Boot version);
     * it is recorded by its absolute path, so a resume from elsewhere finds it.
     */
    private String requireJar(String jar, String place) {
        java.nio.file.Path path = java.nio.file.Path.of(jar).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw at.fail(place, jar + " does not exist" + (java.nio.file.Files.isDirectory(path) ? " as a file (it is a folder)" : ""));
        }
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(path.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Spring-Boot-Version") == null) {
                throw at.fail(place, jar + " is not a Spring Boot jar (its manifest names no Spring-Boot-Version)");
            }
        } catch (java.io.IOException e) {
            throw at.fail(place, jar + " is not a jar (" + e.getMessage() + ")");
        }
        return path.toString();
    }

    /** No more connections than the injector may open. */
    private void requireLoad(Load load, String place) {
        long most = machine.openFilesLimit() == Long.MAX_VALUE ? Long.MAX_VALUE
                : machine.openFilesLimit() - Defaults.OPEN_FILES_RESERVE;
        List<Integer> connections = new ArrayList<>(load.concurrency() == null ? List.of() : load.concurrency());
        if (load.connections() != null) {
            connections.add(load.connections());
        }
        for (int c : connections) {
            if (c > most) {
                String key = load.concurrency() != null && load.concurrency().contains(c) ? at.item(place + ".concurrency", c)
                        : place + ".connections";
                throw at.fail(key, c + " connections are more than the injector may open: "
                        + "this machine's open-file limit is " + machine.openFilesLimit() + " and the injector keeps "
                        + Defaults.OPEN_FILES_RESERVE + " for its own files, so at most " + Math.max(0, most));
            }
        }
    }

    private void requireInjectorHeap(HeapSize heap) {
        HeapSize least = HeapSize.ofBytes(Defaults.MIN_INJECTOR_HEAP_BYTES);
        if (heap.compareTo(least) < 0) {
            throw at.fail("injectorHeap", heap + " is below " + least
                    + ", the smallest injector heap (a starved Gatling would be measured as a slow server)");
        }
        if (heap.bytes() + Defaults.JVM_NON_HEAP_BYTES > machine.memoryBytes()) {
            throw at.fail("injectorHeap", heap + " is more than this machine's memory (" + HeapSize.describe(machine.memoryBytes())
                    + ") can hold beside what a JVM takes outside its heap (" + HeapSize.describe(Defaults.JVM_NON_HEAP_BYTES) + ")");
        }
    }

    /**
     * Both sets as given; one given, the other takes the rest of the machine; none given,
     * servers take the first half and the injector the second (the larger half on an odd
     * count: Gatling needs more CPU than a server it cannot saturate). Overlap is the
     * record's own rule, and CPUs the machine lacks were refused while read.
     */
    private CpuPinning cpus(CpuPinning given) {
        CpuSet server = given == null ? null : given.server();
        CpuSet injector = given == null ? null : given.injector();
        int count = machine.cpus();
        if (server == null && injector == null) {
            if (count < 2) {
                throw at.fail("cpus", "this machine has " + count + " CPU: server and injector need at least one each");
            }
            server = new CpuSet(IntStream.range(0, count / 2).boxed().toList());
            injector = new CpuSet(IntStream.range(count / 2, count).boxed().toList());
        } else if (injector == null) {
            injector = rest(server, "cpus.server", "injector");
        } else if (server == null) {
            server = rest(injector, "cpus.injector", "server");
        }
        return new CpuPinning(server, injector);
    }

    private CpuSet rest(CpuSet taken, String place, String other) {
        CpuSet machineCpus = CpuSet.all(machine.cpus());
        List<Integer> rest = machineCpus.cpus().stream().filter(c -> !taken.cpus().contains(c)).toList();
        if (rest.isEmpty()) {
            throw at.fail(place, "takes every CPU of this machine (" + machineCpus + "), leaving none for the " + other);
        }
        return new CpuSet(rest);
    }

    /**
     * Every configuration has a spec {@link ServerSpec} accepts and the machine can run beside
     * the injector. Two entries yielding the same configuration would start it twice under one
     * id, and two endpoints may differ only in characters a point id drops ({@code /io?ms=1} vs
     * {@code /io?ms_1}): both would break resume, which matches on ids.
     */
    private void requireRunnableConfigurations(Sweep sweep) {
        List<Plan.Configuration> configurations;
        try {
            configurations = Plan.configurations(sweep);
        } catch (Plan.EntryException e) {
            throw refused(e.knob, e.entry);
        }
        long injector = sweep.injectorHeap().bytes() + Defaults.JVM_NON_HEAP_BYTES;
        Map<String, Integer> seen = new HashMap<>();
        for (Plan.Configuration c : configurations) {
            try {
                c.spec().requireFits(machine, injector, "the injector's " + sweep.injectorHeap() + " heap");
                c.spec().requireJdk(Runtime.version().feature());
            } catch (KnobException e) {
                throw refused(e, c.entry());
            }
            String id = c.key().id();
            Integer earlier = seen.putIfAbsent(id, c.entry());
            if (earlier != null) {
                throw at.fail(at.entry(c.entry()), "configuration " + id
                        + (earlier == c.entry() ? " occurs twice" : " is already in " + at.entry(earlier))
                        + " (merge their load axes into one entry)");
            }
            Map<String, String> pointIds = new HashMap<>();
            for (LoadPoint p : c.points(1)) {
                String other = pointIds.putIfAbsent(p.id(), p.endpoint());
                if (other != null) {
                    throw at.fail(at.entry(c.entry()) + ".load.endpoints", "'" + other + "' and '" + p.endpoint()
                            + "' give the same point id " + p.id());
                }
            }
        }
    }

    /** A setting {@link ServerSpec} refuses, named where the file has it. */
    private SweepFileException refused(KnobException e, int entry) {
        Knob knob = e.knob();
        String place = switch (knob) {
            case JVM_ARGS -> at.item(knob.key(), e.value());
            case HEAP, GC, STARVATION -> knob.key();
            case CPUS -> "cpus.server";
            case BIND, PORT -> at.entry(entry);
            // the entry's own keys: app, engine, jar, readiness, processes, workers, threads, virtualThreads,
            // aotCache and every tuning knob
            default -> at.item(at.entry(entry) + "." + knob.key(), e.value());
        };
        return at.fail(place, e.problem(other -> "the " + other.key() + " key"));
    }
}
