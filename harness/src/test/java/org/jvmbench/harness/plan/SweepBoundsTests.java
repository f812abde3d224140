package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.jvmbench.harness.environment.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value has an upper bound the machine can honour, checked before anything starts:
 * one line naming file and place, instead of a failure minutes into the sweep.
 */
class SweepBoundsTests {

    private static final String FILE = "sweeps/big.yaml";

    /** Two CPUs, 8 GiB, 20000 open files, 32768 threads: the bounds below follow from these. */
    private static final Machine MACHINE = new Machine(2, 8L << 30, 20_000, 32_768);

    private static final String TOP = """
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [64]
            """;

    private static final String SERVERS = "servers:\n  - app: servlet\n";

    private static Sweep parse(String yaml) {
        return SweepReader.parse(yaml, SweepReader.Format.YAML, FILE, "big", MACHINE);
    }

    static Stream<Arguments> beyondTheMachine() {
        return Stream.of(
                bad("more connections than open files", "load: {endpoints: /json, concurrency: 1000000000}\n" + SERVERS,
                        "load.concurrency: 1000000000 connections are more than the injector may open: this machine's "
                                + "open-file limit is 20000 and the injector keeps 1024 for its own files, so at most 18976"),
                bad("an entry's connections", TOP + "servers:\n  - app: servlet\n    load: {concurrency: [8, 20000]}\n",
                        "servers[0].load.concurrency[1]: 20000 connections are more than the injector may open"),
                bad("processes beyond memory", TOP + "servers:\n  - app: servlet\n    processes: 1000\n",
                        "servers[0].processes: 1000 JVMs of 512m heap and the injector's 1g heap need 657.4 GiB with what "
                                + "each JVM takes beside its heap (160 MiB), more than this machine's memory (8 GiB)"),
                bad("one process count of a list beyond memory", TOP + "servers:\n  - app: servlet\n    processes: [1, 12]\n",
                        "servers[0].processes[1]: 12 JVMs of 512m heap"),
                bad("heap below what the apps serve with", "heap: 1k\n" + TOP + SERVERS,
                        "heap: 1k is below 32m, the smallest heap the apps serve with (below it a point measures the collector)"),
                bad("heap beyond memory", "heap: 999g\n" + TOP + SERVERS,
                        "heap: 999g is more than this machine's memory (8 GiB) can hold beside what a JVM takes outside its heap (160 MiB)"),
                bad("heap beyond memory with the injector", "heap: 7g\n" + TOP + SERVERS,
                        "heap: 1 JVM of 7g heap and the injector's 1g heap need 8.3 GiB"),
                bad("heap too large for any machine", "heap: 99999999999999999999g\n" + TOP + SERVERS,
                        "heap: '99999999999999999999g' is larger than any machine's memory"),
                bad("injector heap below what Gatling runs with", "injectorHeap: 1k\n" + TOP + SERVERS,
                        "injectorHeap: 1k is below 256m, the smallest injector heap (a starved Gatling would be measured as a slow server)"),
                bad("injector heap beyond memory", "injectorHeap: 999g\n" + TOP + SERVERS,
                        "injectorHeap: 999g is more than this machine's memory (8 GiB)"),
                bad("a duration no Duration holds", "duration: 9223372036854775807h\n" + TOP + SERVERS,
                        "duration: '9223372036854775807h' is longer than 24h, the longest a duration may be"),
                bad("a duration beyond a long", "warmup: 99999999999999999999999s\n" + TOP + SERVERS,
                        "warmup: '99999999999999999999999s' is longer than 24h, the longest a duration may be"),
                bad("a timeout over a day", "requestTimeout: 1441m\n" + TOP + SERVERS,
                        "requestTimeout: '1441m' is longer than 24h, the longest a duration may be"),
                bad("a huge CPU range", "cpus: {server: \"0-2147483646\", injector: \"1\"}\n" + SERVERS,
                        "cpus.server: CPU 2 does not exist: this machine has CPUs 0-1"),
                bad("more threads than the machine runs", TOP + "servers:\n  - app: servlet\n    threads: [8, 40000]\n",
                        "servers[0].threads[1]: 40000 is more threads than this machine lets one user run (32768)"),
                bad("a jvmArg that makes the JVM exit", "jvmArgs: [-Dx=1, -version]\n" + TOP + SERVERS,
                        "jvmArgs[1]: '-version' makes the JVM print or run something else and exit instead of serving"),
                bad("a jvmArg that prints help", "jvmArgs: --help\n" + TOP + SERVERS,
                        "jvmArgs: '--help' makes the JVM print or run something else and exit instead of serving"));
    }

    private static Arguments bad(String name, String yaml, String message) {
        return Arguments.of(name, yaml, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondTheMachine")
    void refusesWhatTheMachineCannotHonourInOneLine(String name, String yaml, String message) {
        SweepFileException e = catchThrowableOfType(SweepFileException.class, () -> parse(yaml));
        assertThat(e).as("no exception for %s", name).isNotNull();
        assertThat(e.getMessage()).startsWith(FILE + ": ").contains(message).doesNotContain("\n");
    }

    @Test
    void acceptsWhatFitsRightAtTheBounds() {
        Sweep sweep = parse("heap: 32m\ninjectorHeap: 256m\nduration: 24h\n"
                + "load: {endpoints: /json, concurrency: 18976}\nservers:\n  - app: servlet\n    processes: 8\n");

        assertThat(sweep.duration()).isEqualTo(Duration.ofHours(24));
        assertThat(sweep.servers().getFirst().load().concurrency()).containsExactly(18_976);
    }

    @Test
    @Timeout(5)
    void checksAHugeCpuRangeWithoutExpandingIt() {
        assertThatThrownBy(() -> parse("cpus: {server: \"0\", injector: \"1-2147483646\"}\n" + TOP.substring(TOP.indexOf('\n') + 1) + SERVERS))
                .hasMessage(FILE + ": cpus.injector: CPU 2 does not exist: this machine has CPUs 0-1");
    }

    @Test
    @Timeout(5)
    void aRecordedSweepIsHeldToWhatLinuxSupportsWhenNoMachineIsAtHand(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sweep.json");
        Files.writeString(json, SweepWriter.toJson(parse(TOP + SERVERS)).replace("\"server\" : \"0\"", "\"server\" : \"0-2147483646\""));

        assertThatThrownBy(() -> SweepReader.readRecorded(json))
                .hasMessage(json + ": cpus.server: CPU 8192 is beyond the 8192 CPUs Linux supports");
    }

    @Test
    void aMachineWithoutLimitsBoundsNothing() {
        Machine open = new Machine(2, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

        Sweep sweep = SweepReader.parse("load: {endpoints: /json, concurrency: 1000000}\nservers:\n  - app: servlet\n    processes: 64\n",
                SweepReader.Format.YAML, FILE, "open", open);

        assertThat(sweep.servers().getFirst().processes()).containsExactly(64);
    }
}
