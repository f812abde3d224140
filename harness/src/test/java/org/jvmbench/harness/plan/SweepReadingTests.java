package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.junit.jupiter.api.Test;

/** Good sweep files resolve to what they say, and to the documented defaults where silent. */
class SweepReadingTests {

    static final Path FULL = Path.of("src/test/resources/plan/full.yaml");
    static final Path MINIMAL = Path.of("src/test/resources/plan/minimal.yaml");

    private static Sweep parse(String yaml, int machineCpus) {
        return SweepReader.parse(yaml, SweepReader.Format.YAML, "sweeps/t.yaml", "t", machineCpus);
    }

    @Test
    void fillsEveryDefaultOfAMinimalFile() {
        Sweep sweep = SweepReader.read(MINIMAL, 4);

        assertThat(sweep.name()).isEqualTo("minimal");
        assertThat(sweep.question()).isEqualTo("Question: what does a sweep with only the required keys resolve to?");
        assertThat(sweep.description()).isEmpty();
        assertThat(sweep.duration()).isEqualTo(Defaults.DURATION);
        assertThat(sweep.warmup()).isEqualTo(Defaults.WARMUP);
        assertThat(sweep.repeat()).isEqualTo(Defaults.REPEAT);
        assertThat(sweep.heap()).isEqualTo(HeapSize.parse(Defaults.HEAP));
        assertThat(sweep.gc().id()).isEqualTo(Defaults.GC);
        assertThat(sweep.starvation()).isEqualTo(Defaults.STARVATION).isFalse();
        assertThat(sweep.requestTimeout()).isEqualTo(Defaults.REQUEST_TIMEOUT);
        assertThat(sweep.injectorHeap()).isEqualTo(HeapSize.parse(Defaults.INJECTOR_HEAP));
        assertThat(sweep.jvmArgs()).isEmpty();
        assertThat(sweep.cpus()).isEqualTo(new CpuPinning(CpuSet.parse("0-1"), CpuSet.parse("2-3")));
        assertThat(sweep.servers()).containsExactly(ServerEntry.builder().apps(List.of(App.SERVLET))
                .workers(Arrays.asList((Integer) null)).threads(Arrays.asList((Integer) null)).virtualThreads(List.of(false))
                .processes(List.of(1)).load(new Load(List.of("/json"), List.of(64))).build());
    }

    @Test
    void takesEveryKeyOfAFullFile() {
        Sweep sweep = SweepReader.read(FULL, 4);

        assertThat(sweep.name()).isEqualTo("every-key");
        assertThat(sweep.question()).isEqualTo(
                "Question: does every key of a sweep file reach the plan?\n(a fixture: every setting differs from its default)");
        assertThat(sweep.description()).isEqualTo("All settings given.");
        assertThat(sweep.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(sweep.warmup()).isEqualTo(Duration.ofMinutes(1));
        assertThat(sweep.repeat()).isEqualTo(2);
        assertThat(sweep.heap()).isEqualTo(HeapSize.parse("1g"));
        assertThat(sweep.gc()).isEqualTo(Gc.PARALLEL);
        assertThat(sweep.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(sweep.injectorHeap()).isEqualTo(HeapSize.parse("768m"));
        assertThat(sweep.cpus()).isEqualTo(new CpuPinning(CpuSet.parse("0,1"), CpuSet.parse("2,3")));
        assertThat(sweep.jvmArgs()).containsExactly("-XX:+AlwaysPreTouch", "-Xss512k");

        ServerEntry first = sweep.servers().get(0);
        assertThat(first.apps()).containsExactly(App.SERVLET);
        assertThat(first.workers()).containsExactly(2);
        assertThat(first.threads()).containsExactly(null, 64);
        assertThat(first.virtualThreads()).containsExactly(false, true);
        assertThat(first.processes()).containsExactly(1, 2);
        assertThat(first.load()).isEqualTo(new Load(List.of("/json", "/io?ms=10"), List.of(16, 256)));
    }

    @Test
    void letsAnEntryOverrideOneLoadAxisAndInheritTheOther() {
        Sweep sweep = SweepReader.read(FULL, 4);

        assertThat(sweep.servers().get(1).load()).isEqualTo(new Load(List.of("/cpu?n=1000"), List.of(16, 256)));
        assertThat(sweep.servers().get(2).load()).isEqualTo(new Load(List.of("/json", "/io?ms=10"), List.of(1)));
    }

    @Test
    void readsAScalarAsAOneValueAxisAndDefaultAsTheEngineDefault() {
        Sweep sweep = parse("""
                load: {endpoints: /mixed, concurrency: 8}
                servers:
                  app: reactive
                  workers: default
                  threads: 3
                  virtualThreads: false
                  processes: 2
                """, 2);

        assertThat(sweep.servers()).containsExactly(ServerEntry.builder().apps(List.of(App.REACTIVE))
                .workers(Arrays.asList((Integer) null)).threads(List.of(3)).virtualThreads(List.of(false))
                .processes(List.of(2)).load(new Load(List.of("/mixed"), List.of(8))).build());
    }

    @Test
    void givesTheInjectorTheRestOfTheMachineWhenOnlyServerCpusAreNamed() {
        Sweep sweep = parse("cpus: {server: 0}\nload: {endpoints: /json, concurrency: 1}\nservers: [{app: servlet}]\n", 4);

        assertThat(sweep.cpus()).isEqualTo(new CpuPinning(CpuSet.parse("0"), CpuSet.parse("1-3")));
    }

    @Test
    void givesTheServerTheRestOfTheMachineWhenOnlyInjectorCpusAreNamed() {
        Sweep sweep = parse("cpus: {injector: \"3\"}\nload: {endpoints: /json, concurrency: 1}\nservers: [{app: servlet}]\n", 4);

        assertThat(sweep.cpus()).isEqualTo(new CpuPinning(CpuSet.parse("0-2"), CpuSet.parse("3")));
    }

    @Test
    void givesTheInjectorTheLargerHalfOfAnOddMachine() {
        Sweep sweep = parse("load: {endpoints: /json, concurrency: 1}\nservers: [{app: servlet}]\n", 3);

        assertThat(sweep.cpus()).isEqualTo(new CpuPinning(CpuSet.parse("0"), CpuSet.parse("1-2")));
    }

    @Test
    void prefersAQuestionKeyOverTheLeadingComment() {
        Sweep sweep = parse("# from the comment\nquestion: from the key\nload: {endpoints: /json, concurrency: 1}\nservers: [{app: servlet}]\n", 2);

        assertThat(sweep.question()).isEqualTo("from the key");
    }

    @Test
    void takesOnlyTheLeadingCommentBlockAsTheQuestion() {
        assertThat(SweepReader.leadingComment("\n#  Why?\n#\n# Because.\n\nname: x # not this\n# nor this\n"))
                .isEqualTo("Why?\n\nBecause.");
        assertThat(SweepReader.leadingComment("name: x\n# late\n")).isEmpty();
    }

    @Test
    void readsCollectorNamesInAnyCase() {
        assertThat(Gc.parse("z")).isEqualTo(Gc.Z);
        assertThat(Gc.parse("SERIAL").id()).isEqualTo("Serial");
        assertThat(Gc.parse("g1").id()).isEqualTo("G1");
    }

    @Test
    void acceptsEveryKnownEndpointWithOrWithoutAQuery() {
        Sweep sweep = parse("load: {endpoints: [/json, /io, \"/io?ms=10\", /cpu, /mixed], concurrency: 1}\nservers: [{app: servlet}]\n", 2);

        assertThat(sweep.servers().get(0).load().endpoints()).containsExactly("/json", "/io", "/io?ms=10", "/cpu", "/mixed");
    }
}
