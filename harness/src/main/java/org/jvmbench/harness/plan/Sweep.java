package org.jvmbench.harness.plan;

import org.jvmbench.harness.settings.ProfileMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;

/**
 * A sweep, in the one schema of sweep files, {@code reports/<run>/sweep.json} and the
 * reports: {@link SweepJson} binds YAML and JSON to this record and writes it back. Its
 * components are the file's keys, in the file's order; a key left out takes its default from
 * {@link Defaults} here. What a file may leave out that only the whole file or the machine
 * can fill in ({@code name}, {@code question}, {@code cpus}, each entry's load) is filled in by
 * {@link SweepRules}: a sweep that leaves {@link SweepReader} is <em>resolved</em>, with every
 * key set and the top-level {@code load} handed to the entries (so it is null).
 *
 * @param schema         the version of this schema, {@link #SCHEMA_VERSION}
 * @param name           file-name-safe name, the sweep file's name unless the file says otherwise
 * @param question       the question the sweep answers: the file's leading comment lines
 * @param description    free text, may be empty
 * @param duration       measured time of each point
 * @param warmup         the cap of each warm-up: an endpoint of a fork is warmed until the server
 *                       settles ({@code settle}), never longer than this, excluded from results
 * @param settle         when a warm-up may end: the settle rule's tolerances and minimum
 * @param repeat         each server configuration runs this many times, each on fresh JVMs
 * @param design         sequential (each fork alone, one after another) or paired (the forks of a
 *                       repetition alive together, measured in rounds of slices): {@link Design}
 * @param paired         the paired design's rounds, slice and seed; null unless {@code design} is paired
 * @param heap           server -Xms and -Xmx
 * @param gc             server collector
 * @param starvation     servlet only: every server runs in the apps' starvation mode, where
 *                       {@code /cpu?split=k} waits on subtasks queued on its own pool; a setting
 *                       of the whole sweep, like the heap, so not part of a point's key
 * @param requestTimeout a request unanswered by then is a KO of kind timeout
 * @param injectorHeap   heap of the Gatling JVM
 * @param cpus           where servers and injector are pinned
 * @param jvmArgs        extra server JVM arguments, appended last
 * @param profile        null, or what an async-profiler flame graph of every point and server JVM counts
 * @param slo            the latency target of open loads: the report's capacity-at-SLO table
 * @param hosts          null to run everything on this machine, or the server and injector hosts reached over SSH
 * @param load           the load of every entry that does not give its own; null once resolved
 * @param servers        the server entries, in the order their configurations run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sweep(
        Integer schema,
        String name,
        String question,
        String description,
        Duration duration,
        Duration warmup,
        Settle settle,
        Integer repeat,
        Design design,
        Paired paired,
        HeapSize heap,
        Gc gc,
        Boolean starvation,
        Duration requestTimeout,
        HeapSize injectorHeap,
        CpuPinning cpus,
        @JsonDeserialize(using = ListOf.Options.class) List<String> jvmArgs,
        ProfileMode profile,
        Slo slo,
        Hosts hosts,
        Load load,
        @JsonDeserialize(using = ListOf.Entries.class) List<ServerEntry> servers) {

    /**
     * The version {@link SweepWriter} writes; files without {@code schema} are read as this one,
     * and every older one still reads. 2: engines, own jars, engine knobs, the AOT cache, open
     * loads, settle, profile and slo; hosts (optional, so version 2 still).
     */
    public static final int SCHEMA_VERSION = 2;

    public Sweep {
        if (schema == null) {
            schema = SCHEMA_VERSION;
        } else if (schema < 1 || schema > SCHEMA_VERSION) {
            throw SettingException.key("schema", "unsupported version " + schema + " (this harness reads 1 to " + SCHEMA_VERSION + ")");
        }
        if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
            throw SettingException.key("name", "'" + name + "' may only hold letters, digits, '.', '_' and '-' (it names report folders)");
        }
        description = description == null ? "" : description;
        duration = duration == null ? Defaults.DURATION : duration;
        warmup = warmup == null ? Defaults.WARMUP : warmup;
        settle = settle == null ? Settle.defaults() : settle;
        repeat = repeat == null ? Defaults.REPEAT : repeat;
        if (repeat < 1) {
            throw SettingException.key("repeat", "must be at least 1, got " + repeat);
        }
        design = design == null ? Design.SEQUENTIAL : design;
        if (design == Design.PAIRED) {
            paired = paired == null ? Paired.defaults() : paired;
        } else if (paired != null) {
            throw SettingException.key("paired", "is read only with 'design: paired'");
        }
        heap = heap == null ? HeapSize.parse(Defaults.HEAP) : heap;
        gc = gc == null ? Gc.parse(Defaults.GC) : gc;
        starvation = starvation == null ? Defaults.STARVATION : starvation;
        requestTimeout = requestTimeout == null ? Defaults.REQUEST_TIMEOUT : requestTimeout;
        injectorHeap = injectorHeap == null ? HeapSize.parse(Defaults.INJECTOR_HEAP) : injectorHeap;
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (servers == null) {
            throw SettingException.record("missing 'servers': list the server configurations to run");
        }
        servers = List.copyOf(servers);
    }

    /** This sweep with the command line's duration, warm-up and repeat in place of its own. */
    public Sweep withOverrides(Overrides overrides) {
        return toBuilder().duration(overrides.duration() != null ? overrides.duration() : duration)
                .warmup(overrides.warmup() != null ? overrides.warmup() : warmup)
                .repeat(overrides.repeat() != null ? overrides.repeat() : repeat).build();
    }

    /** This sweep with what only its file and machine can tell filled in, and each entry's load complete. */
    Sweep resolved(String resolvedName, String resolvedQuestion, CpuPinning resolvedCpus, List<ServerEntry> resolvedServers) {
        return toBuilder().name(resolvedName).question(resolvedQuestion).cpus(resolvedCpus).load(null).servers(resolvedServers)
                .build();
    }

    /** Whether the forks of a repetition are measured together in rounds ({@link Design#PAIRED}). */
    public boolean inRounds() {
        return design == Design.PAIRED;
    }

    /** This sweep with the paired design's seed the run drew, recorded so the order can be drawn again. */
    public Sweep withPairedSeed(long seed) {
        return withPaired(paired.withSeed(seed));
    }

    /** This sweep with other paired settings (a drawn seed, a bound derived from memory). */
    Sweep withPaired(Paired settings) {
        return toBuilder().paired(settings).build();
    }

    /** {@code Sweep} to fill in by name: a component not set stays null, as in a file that leaves its key out. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code Sweep} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schema = schema;
        b.name = name;
        b.question = question;
        b.description = description;
        b.duration = duration;
        b.warmup = warmup;
        b.settle = settle;
        b.repeat = repeat;
        b.design = design;
        b.paired = paired;
        b.heap = heap;
        b.gc = gc;
        b.starvation = starvation;
        b.requestTimeout = requestTimeout;
        b.injectorHeap = injectorHeap;
        b.cpus = cpus;
        b.jvmArgs = jvmArgs;
        b.profile = profile;
        b.slo = slo;
        b.hosts = hosts;
        b.load = load;
        b.servers = servers;
        return b;
    }

    /** {@code Sweep} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private Integer schema;
        private String name;
        private String question;
        private String description;
        private Duration duration;
        private Duration warmup;
        private Settle settle;
        private Integer repeat;
        private Design design;
        private Paired paired;
        private HeapSize heap;
        private Gc gc;
        private Boolean starvation;
        private Duration requestTimeout;
        private HeapSize injectorHeap;
        private CpuPinning cpus;
        private List<String> jvmArgs;
        private ProfileMode profile;
        private Slo slo;
        private Hosts hosts;
        private Load load;
        private List<ServerEntry> servers;

        private Builder() {
        }

        public Builder schema(Integer value) {
            schema = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder question(String value) {
            question = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        public Builder warmup(Duration value) {
            warmup = value;
            return this;
        }

        public Builder settle(Settle value) {
            settle = value;
            return this;
        }

        public Builder repeat(Integer value) {
            repeat = value;
            return this;
        }

        public Builder design(Design value) {
            design = value;
            return this;
        }

        public Builder paired(Paired value) {
            paired = value;
            return this;
        }

        public Builder heap(HeapSize value) {
            heap = value;
            return this;
        }

        public Builder gc(Gc value) {
            gc = value;
            return this;
        }

        public Builder starvation(Boolean value) {
            starvation = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder injectorHeap(HeapSize value) {
            injectorHeap = value;
            return this;
        }

        public Builder cpus(CpuPinning value) {
            cpus = value;
            return this;
        }

        public Builder jvmArgs(List<String> value) {
            jvmArgs = value;
            return this;
        }

        public Builder profile(ProfileMode value) {
            profile = value;
            return this;
        }

        public Builder slo(Slo value) {
            slo = value;
            return this;
        }

        public Builder hosts(Hosts value) {
            hosts = value;
            return this;
        }

        public Builder load(Load value) {
            load = value;
            return this;
        }

        public Builder servers(List<ServerEntry> value) {
            servers = value;
            return this;
        }

        public Sweep build() {
            return new Sweep(schema, name, question, description, duration, warmup, settle, repeat, design, paired,
                    heap, gc, starvation, requestTimeout, injectorHeap, cpus, jvmArgs, profile, slo, hosts, load,
                    servers);
        }
    }
}
