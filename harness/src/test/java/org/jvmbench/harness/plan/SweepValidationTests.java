package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake a sweep file can hold ends in one line naming file, place and problem. */
class SweepValidationTests {

    private static final String FILE = "sweeps/bad.yaml";

    /** Valid settings above {@code servers:}; cases append their own servers. */
    private static final String TOP = """
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [64]
            """;

    private static final String SERVERS = """
            servers:
              - app: servlet
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // --- unknown keys
                bad("unknown top key", "durations: 10s\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: unknown key 'durations' (known: schema, name, question, description, duration, "
                                + "warmup, settle, repeat, design, paired, heap, gc, starvation, requestTimeout, injectorHeap, cpus, jvmArgs, profile, "
                                + "slo, hosts, load, servers)"),
                bad("unknown server key", TOP + """
                        servers:
                          - app: servlet
                          - app: reactive
                            thread: 8
                        """,
                        "sweeps/bad.yaml: servers[1]: unknown key 'thread' (known: app, engine, jar, readiness, startTimeout, workers, threads, "
                                + "virtualThreads, processes, minThreads, maxConnections, acceptCount, acceptors, bufferPool, "
                                + "elasticThreads, maxKeepAliveRequests, extraCpuMicros, aotCache, arm, load)"),
                bad("unknown load key", TOP + """
                        servers:
                          - app: servlet
                            load: {endpoint: /json}
                        """,
                        "sweeps/bad.yaml: servers[0].load: unknown key 'endpoint' (known: endpoints, concurrency, rates, connections)"),
                bad("unknown cpus key", "cpus: {servers: \"0\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus: unknown key 'servers' (known: server, injector)"),

                // --- shapes and types
                bad("empty file", "# only a question\n", "sweeps/bad.yaml: empty file: expected settings and a 'servers' list"),
                bad("list at the top", "- app: servlet\n", "sweeps/bad.yaml: expected a mapping of settings at the top, got a list"),
                bad("missing servers", TOP, "sweeps/bad.yaml: missing 'servers': list the server configurations to run"),
                bad("servers without value", TOP + "servers:\n", "sweeps/bad.yaml: servers: has no value"),
                bad("servers empty", TOP + "servers: []\n", "sweeps/bad.yaml: servers: empty list: give at least one server entry"),
                bad("server entry not a mapping", TOP + "servers: [servlet]\n",
                        "sweeps/bad.yaml: servers[0]: expected a mapping with at least 'app', got text 'servlet'"),
                bad("server entry without app", TOP + "servers:\n  - threads: 8\n",
                        "sweeps/bad.yaml: servers[0]: missing 'app' (servlet, reactive, or a list of both)"),
                bad("unknown app", TOP + "servers:\n  - app: [servlet, webflux]\n",
                        "sweeps/bad.yaml: servers[0].app[1]: unknown app 'webflux' (expected servlet or reactive)"),
                bad("threads as text", TOP + "servers:\n  - app: servlet\n    threads: many\n",
                        "sweeps/bad.yaml: servers[0].threads: expected a whole number or 'default', got text 'many'"),
                bad("threads item as fraction", TOP + "servers:\n  - app: servlet\n    threads: [8, 1.5]\n",
                        "sweeps/bad.yaml: servers[0].threads[1]: expected a whole number or 'default', got number 1.5"),
                bad("workers as a mapping", TOP + "servers:\n  - app: servlet\n    workers: {n: 1}\n",
                        "sweeps/bad.yaml: servers[0].workers: expected a whole number or 'default', got a mapping"),
                bad("processes too large", TOP + "servers:\n  - app: servlet\n    processes: 99999999999\n",
                        "sweeps/bad.yaml: servers[0].processes: expected a whole number, got number 99999999999"),
                bad("virtualThreads as text", TOP + "servers:\n  - app: servlet\n    virtualThreads: maybe\n",
                        "sweeps/bad.yaml: servers[0].virtualThreads: expected true or false, got text 'maybe'"),
                bad("axis without value", TOP + "servers:\n  - app: servlet\n    threads:\n",
                        "sweeps/bad.yaml: servers[0].threads: has no value (remove the key to use the default)"),
                bad("starvation as text", "starvation: maybe\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: starvation: expected true or false, got text 'maybe'"),
                bad("starvation as an axis", "starvation: [false, true]\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: starvation: expected true or false, got a list"),
                bad("starvation without value", "starvation:\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: starvation: expected true or false, got nothing"),
                bad("repeat as text", "repeat: two\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: repeat: expected a whole number, got text 'two'"),
                bad("description as list", "description: [a, b]\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: description: expected text, got a list"),
                bad("load as list", "load: [/json]\n" + SERVERS,
                        "sweeps/bad.yaml: load: expected a mapping with endpoints and concurrency or rates, got a list"),
                bad("cpus as text", "cpus: \"0\"\n" + TOP.substring(TOP.indexOf('\n') + 1) + SERVERS,
                        "sweeps/bad.yaml: cpus: expected a mapping with server and injector, got text '0'"),
                bad("cpus as list", "cpus: {server: [0], injector: \"1\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus.server: expected a CPU list like \"0\" or \"0-1\" or \"0,2\", got a list"),

                // --- axes
                bad("empty axis", TOP + "servers:\n  - app: servlet\n    threads: []\n",
                        "sweeps/bad.yaml: servers[0].threads: empty axis: give at least one value"),
                bad("empty load axis", TOP + "servers:\n  - app: servlet\n    load: {concurrency: []}\n",
                        "sweeps/bad.yaml: servers[0].load.concurrency: empty axis: give at least one value"),
                bad("duplicate threads", TOP + "servers:\n  - app: servlet\n    threads: [8, 64, 8]\n",
                        "sweeps/bad.yaml: servers[0].threads: duplicate value 8"),
                bad("duplicate default", TOP + "servers:\n  - app: servlet\n    workers: [default, 2, default]\n",
                        "sweeps/bad.yaml: servers[0].workers: duplicate value default"),
                bad("duplicate app", TOP + "servers:\n  - app: [reactive, REACTIVE]\n",
                        "sweeps/bad.yaml: servers[0].app: duplicate value reactive"),
                bad("duplicate endpoint", "load: {endpoints: [/json, /io, /json], concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: load.endpoints: duplicate value /json"),
                bad("duplicate concurrency", "load: {endpoints: /json, concurrency: [1, 64, 1]}\n" + SERVERS,
                        "sweeps/bad.yaml: load.concurrency: duplicate value 1"),
                bad("duplicate virtualThreads", TOP + "servers:\n  - app: servlet\n    virtualThreads: [true, true]\n",
                        "sweeps/bad.yaml: servers[0].virtualThreads: duplicate value true"),

                // --- knobs that do not apply
                bad("IO threads on Tomcat", TOP + "servers:\n  - app: servlet\n  - app: servlet\n    engine: tomcat\n    workers: 2\n",
                        "sweeps/bad.yaml: servers[1].workers: Tomcat has no IO threads to set in Spring Boot 3.5 (its acceptor "
                                + "and poller are fixed): set threads, maxConnections or acceptCount"),
                bad("starvation with a reactive entry", "starvation: true\n" + TOP + "servers:\n  - app: servlet\n  - app: reactive\n",
                        "sweeps/bad.yaml: starvation: true does not apply to reactive, which servers[1] runs "
                                + "(servlet only: its split work never blocks a thread)"),
                bad("starvation with both apps in one entry", "starvation: true\n" + TOP + "servers:\n  - app: [servlet, reactive]\n",
                        "sweeps/bad.yaml: starvation: true does not apply to reactive, which servers[0] runs "
                                + "(servlet only: its split work never blocks a thread)"),
                bad("Undertow's buffer pool on Netty", TOP + "servers:\n  - app: [servlet, reactive]\n    bufferPool: uncached\n",
                        "sweeps/bad.yaml: servers[0].bufferPool: does not apply to netty"),
                bad("an engine of another kind", TOP + "servers:\n  - app: reactive\n    engine: [netty, jetty]\n",
                        "sweeps/bad.yaml: servers[0].engine[1]: jetty runs servlet apps, and this entry runs [reactive]"),
                bad("an app without an engine", TOP + "servers:\n  - app: [servlet, reactive]\n    engine: tomcat\n",
                        "sweeps/bad.yaml: servers[0].engine: names no engine for reactive (reactive runs on [netty])"),
                bad("rates and concurrency at once", "load: {endpoints: [/json], concurrency: [8], rates: [100]}\n" + SERVERS,
                        "sweeps/bad.yaml: load.rates: give concurrency (closed load) or rates (open load), not both"),
                bad("rates mixing shares and requests per second", TOP.replace("concurrency: [64]", "rates: [0.5, 200]") + SERVERS,
                        "sweeps/bad.yaml: load.rates: mixes shares of capacity (at most 1) and requests per second (above 1): use one or the other"),
                bad("a jar that is not there", TOP + "servers:\n  - jar: /nowhere/app.jar\n    engine: tomcat\n",
                        "sweeps/bad.yaml: servers[0].jar: /nowhere/app.jar does not exist"),
                bad("a jar without its engine", TOP + "servers:\n  - jar: /nowhere/app.jar\n",
                        "sweeps/bad.yaml: servers[0]: a jar needs its 'engine' (undertow, tomcat, jetty or netty): it says "
                                + "which Spring Boot properties the knobs map to"),
                bad("readiness for our app", TOP + "servers:\n  - app: servlet\n    readiness: /health\n",
                        "sweeps/bad.yaml: servers[0].readiness: applies to a jar only: our apps are ready when /info answers"),
                bad("a start timeout for our app", TOP + "servers:\n  - app: servlet\n    startTimeout: 10s\n",
                        "sweeps/bad.yaml: servers[0].startTimeout: applies to a jar only: our apps are held to the harness's 90 s"),
                bad("a start timeout without a unit", TOP + "servers:\n  - jar: /nowhere/app.jar\n    engine: tomcat\n    startTimeout: 10\n",
                        "sweeps/bad.yaml: servers[0].startTimeout: '10' needs a unit: ms, s, m or h (e.g. 30s)"),
                bad("an unknown profile", "profile: foo\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: profile: unknown profile 'foo' (known: cpu, alloc, wall, lock)"),
                // --- the paired design
                bad("an unknown design", "design: duet\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: design: unknown design 'duet' (known: sequential, paired)"),
                bad("paired settings without the paired design", "paired: {rounds: 5}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: paired: is read only with 'design: paired'"),
                bad("too few rounds", "design: paired\npaired: {rounds: 2}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: paired.rounds: must be at least 3 (an interval needs rounds to resample), got 2"),
                bad("a slice too short", "design: paired\npaired: {slice: 2s}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: paired.slice: must be at least 3s (a slice needs full seconds), got 2s"),
                bad("an unknown paired key", "design: paired\npaired: {round: 5}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: paired: unknown key 'round' (known: rounds, slice, seed, maxAlive)"),
                bad("paired with one configuration", "design: paired\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: design: paired needs at least two configurations to compare, this sweep has 1"),
                bad("paired with an open load", "design: paired\n" + TOP + """
                        servers:
                          - app: servlet
                          - app: reactive
                            load: {rates: [100]}
                        """,
                        "sweeps/bad.yaml: servers[1].load.rates: paired measures closed loads (concurrency); an open load's share "
                                + "of capacity has no probe per slice"),
                bad("a settle window too short", "settle: {window: 3s}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: settle.window: must be at least 6s (a trend needs thirds of two seconds), got 3s"),
                bad("an slo without its latency", "slo: {percentile: 99}\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: slo: missing 'latency': the target the percentile must stay within, e.g. 50ms"),

                // --- numbers below their floor
                bad("repeat zero", "repeat: 0\n" + TOP + SERVERS, "sweeps/bad.yaml: repeat: must be at least 1, got 0"),
                bad("concurrency zero", "load: {endpoints: /json, concurrency: 0}\n" + SERVERS,
                        "sweeps/bad.yaml: load.concurrency: must be at least 1, got 0"),
                bad("concurrency negative in entry", TOP + "servers:\n  - app: servlet\n    load: {concurrency: [8, -1]}\n",
                        "sweeps/bad.yaml: servers[0].load.concurrency[1]: must be at least 1, got -1"),
                bad("workers zero", TOP + "servers:\n  - app: reactive\n    workers: [0, 1]\n",
                        "sweeps/bad.yaml: servers[0].workers[0]: must be at least 1, got 0"),
                bad("threads negative", TOP + "servers:\n  - app: servlet\n    threads: -4\n",
                        "sweeps/bad.yaml: servers[0].threads: must be at least 1, got -4"),
                bad("processes zero", TOP + "servers:\n  - app: servlet\n    processes: 0\n",
                        "sweeps/bad.yaml: servers[0].processes: must be at least 1, got 0"),
                bad("extra CPU negative", TOP + "servers:\n  - app: [servlet, reactive]\n    extraCpuMicros: [0, -50]\n",
                        "sweeps/bad.yaml: servers[0].extraCpuMicros[1]: must be 0 or more microseconds of CPU per request, got -50"),
                bad("extra CPU as a duration", TOP + "servers:\n  - app: servlet\n    extraCpuMicros: 50us\n",
                        "sweeps/bad.yaml: servers[0].extraCpuMicros: expected a whole number of microseconds, 0 or more, got '50us'"),

                // --- durations
                bad("zero duration", "duration: 0s\n" + TOP + SERVERS, "sweeps/bad.yaml: duration: '0s' must be positive"),
                bad("negative warmup", "warmup: -10s\n" + TOP + SERVERS, "sweeps/bad.yaml: warmup: '-10s' must be positive"),
                bad("duration without unit", "duration: 30\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: duration: '30' needs a unit: ms, s, m or h (e.g. 30s)"),
                bad("fractional timeout", "requestTimeout: 1.5s\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: requestTimeout: '1.5s' is not a duration (expected e.g. 500ms, 30s, 2m)"),
                bad("duration as word", "warmup: long\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: warmup: 'long' is not a duration (expected e.g. 500ms, 30s, 2m)"),

                // --- endpoints
                bad("endpoint without slash", "load: {endpoints: [/json, json], concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: load.endpoints[1]: 'json' must start with /"),
                bad("unknown endpoint", TOP + "servers:\n  - app: servlet\n    load: {endpoints: \"/sleep?ms=5\"}\n",
                        "sweeps/bad.yaml: servers[0].load.endpoints: unknown endpoint '/sleep' (known: /json, /io, /cpu, /mixed; a jar entry may load any path)"),
                bad("endpoint with empty query", "load: {endpoints: \"/io?\", concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: load.endpoints: '/io?' has an empty query"),
                bad("endpoint with space", "load: {endpoints: \"/io ?ms=1\", concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: load.endpoints: '/io ?ms=1' must not contain spaces"),
                bad("endpoint as number", "load: {endpoints: 1, concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: load.endpoints: expected text, got number 1"),
                bad("endpoints nowhere", "load: {concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: servers[0]: no load.endpoints: give them under load, at the top or in this entry"),
                bad("concurrency nowhere", "servers:\n  - app: servlet\n    load: {endpoints: /json}\n",
                        "sweeps/bad.yaml: servers[0]: no load.concurrency (closed load) or load.rates (open load): give one under load, "
                                + "at the top or in this entry"),
                bad("endpoints that collide in point ids", "load: {endpoints: [\"/io?ms=1\", \"/io?ms_1\"], concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: servers[0].load.endpoints: '/io?ms=1' and '/io?ms_1' give the same point id "
                                + "servlet-p1-wdef-tdef-io_ms_1-c1-r1"),

                // --- CPUs (the machine has 2)
                bad("CPU the machine lacks", "cpus: {server: \"0\", injector: \"1-3\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus.injector: CPU 2 does not exist: this machine has CPUs 0-1"),
                bad("unparseable CPU list", "cpus: {server: \"zero\", injector: \"1\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus.server: bad CPU list 'zero' (expected e.g. 0 or 0-1 or 0,2)"),
                bad("overlapping CPUs", "cpus: {server: \"0-1\", injector: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus: server CPUs 0,1 and injector CPUs 1 overlap on CPU 1: "
                                + "the injector's work would count against the server"),
                bad("server takes every CPU", "cpus: {server: \"0-1\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus.server: takes every CPU of this machine (0,1), leaving none for the injector"),
                bad("injector takes every CPU", "cpus: {injector: \"0,1\"}\n" + SERVERS,
                        "sweeps/bad.yaml: cpus.injector: takes every CPU of this machine (0,1), leaving none for the server"),

                // --- JVM settings
                bad("unknown gc", "gc: Shenandoah\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: gc: unknown collector 'Shenandoah' (known: G1, Parallel, Serial, Z)"),
                bad("heap without unit", "heap: \"512\"\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: heap: '512' is not a heap size (expected e.g. 512m or 1g)"),
                bad("heap zero", "heap: 0m\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: heap: '0m' is not a heap size (expected e.g. 512m or 1g)"),
                bad("heap as number", "heap: 512\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: heap: expected a size like 512m or 1g, got number 512"),
                bad("heap with two units", "injectorHeap: 1gb\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: injectorHeap: '1gb' is not a heap size (expected e.g. 512m or 1g)"),
                bad("jvmArg without dash", "jvmArgs: [-XX:+AlwaysPreTouch, Xss1m]\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: jvmArgs[1]: 'Xss1m' is not a JVM option (options start with -)"),
                bad("jvmArg setting the heap", "jvmArgs: -Xmx2g\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: jvmArgs: '-Xmx2g' sets the heap: use the heap key instead"),
                bad("jvmArg picking a collector", "jvmArgs: [-XX:+UseZGC]\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: jvmArgs[0]: '-XX:+UseZGC' picks a collector: use the gc key instead"),

                // --- identity
                bad("name with a space", "name: my sweep\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: name: 'my sweep' may only hold letters, digits, '.', '_' and '-' (it names report folders)"),
                bad("future schema", "schema: 3\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: schema: unsupported version 3 (this harness reads 1 to 2)"),
                bad("same configuration in two entries", TOP + """
                        servers:
                          - app: servlet
                            threads: [8, 64]
                          - app: servlet
                            threads: 64
                            load: {endpoints: /io}
                        """,
                        "sweeps/bad.yaml: servers[1]: configuration servlet-p1-wdef-t64 is already in servers[0] (merge their load axes into one entry)"),

                // --- YAML itself
                bad("bad indentation", TOP + """
                        servers:
                          - app: servlet
                             threads: 8
                        """,
                        "sweeps/bad.yaml: line 7: YAML syntax error: mapping values are not allowed here"),
                bad("unclosed flow list", "load: {endpoints: [/json, concurrency: 1}\n" + SERVERS,
                        "sweeps/bad.yaml: line 1: YAML syntax error: expected ',' or ']', but got } (while parsing a flow sequence)"),
                bad("tab indentation", TOP + "servers:\n\t- app: servlet\n",
                        "sweeps/bad.yaml: line 6: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                bad("key given twice", "duration: 10s\nduration: 20s\n" + TOP + SERVERS,
                        "sweeps/bad.yaml: line 2: YAML syntax error: Duplicate field 'duration'"));
    }

    private static Arguments bad(String name, String yaml, String message) {
        return Arguments.of(name, yaml, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsWithOneLineNamingFileAndPlace(String name, String yaml, String message) {
        SweepFileException e = catchThrowableOfType(SweepFileException.class,
                () -> SweepReader.parse(yaml, SweepReader.Format.YAML, FILE, "bad", 2));
        assertThat(e).as("no exception for %s", name).isNotNull();
        assertThat(e.getMessage()).startsWith(FILE + ": ").contains(message).doesNotContain("\n");
    }

    @Test
    void rejectsAMachineTooSmallToPinServerAndInjectorApart() {
        assertThatThrownBy(() -> SweepReader.parse(TOP.substring(TOP.indexOf('\n') + 1) + SERVERS, SweepReader.Format.YAML, FILE, "bad", 1))
                .isInstanceOf(SweepFileException.class)
                .hasMessage("sweeps/bad.yaml: cpus: this machine has 1 CPU: server and injector need at least one each");
    }

    @Test
    void checksCpusAgainstTheMachineItIsGiven() {
        String yaml = "cpus: {server: \"0-3\", injector: \"4-7\"}\n" + SERVERS.replace("servlet", "servlet\n    load: {endpoints: /json, concurrency: 1}");
        assertThat(SweepReader.parse(yaml, SweepReader.Format.YAML, FILE, "ok", 8).cpus().injector().size()).isEqualTo(4);
        assertThatThrownBy(() -> SweepReader.parse(yaml, SweepReader.Format.YAML, FILE, "bad", 4))
                .hasMessage("sweeps/bad.yaml: cpus.injector: CPU 4 does not exist: this machine has CPUs 0-3");
    }

    @Test
    void reportsJsonSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> SweepReader.parse("{\n  \"name\": \"x\",\n  \"repeat\": ,\n}", SweepReader.Format.JSON, "reports/r/sweep.json", "x", 2))
                .isInstanceOf(SweepFileException.class)
                .hasMessageStartingWith("reports/r/sweep.json: line 3: JSON syntax error: Unexpected character (',' ");
    }

    @Test
    void namesAMissingFile() {
        assertThatThrownBy(() -> SweepReader.read(java.nio.file.Path.of("sweeps/nope.yaml"), 2))
                .isInstanceOf(SweepFileException.class)
                .hasMessage("sweeps/nope.yaml: no such file");
    }
}
