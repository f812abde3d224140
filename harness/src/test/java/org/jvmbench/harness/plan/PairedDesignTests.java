package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.environment.Machine;
import org.junit.jupiter.api.Test;

/** A sweep says how its configurations are measured against each other, and a paired run keeps its seed. */
class PairedDesignTests {

    private static final String PAIR = """
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [64]
            servers:
              - app: servlet
              - app: reactive
            """;

    /** 24 GiB: beside the injector (1 GiB heap) 34 server JVMs of 512 MiB heap fit. */
    private static final Machine MACHINE = new Machine(2, 24L << 30, 20_000, 32_768);

    private static Sweep read(String yaml) {
        return read(yaml, MACHINE);
    }

    private static Sweep read(String yaml, Machine machine) {
        return SweepReader.parse(yaml, SweepReader.Format.YAML, "sweeps/pair.yaml", "pair", machine);
    }

    @Test
    void aSweepIsSequentialUnlessItSaysPaired() {
        Sweep sweep = read(PAIR);
        assertThat(sweep.design()).isEqualTo(Design.SEQUENTIAL);
        assertThat(sweep.paired()).isNull();
        assertThat(sweep.inRounds()).isFalse();
    }

    @Test
    void aPairedSweepTakesTheDefaultRoundsAndSliceUnlessItGivesItsOwn() {
        Sweep defaults = read("design: paired\n" + PAIR);
        assertThat(defaults.inRounds()).isTrue();
        assertThat(defaults.paired().rounds()).isEqualTo(Defaults.PAIRED_ROUNDS);
        assertThat(defaults.paired().slice()).isEqualTo(Defaults.PAIRED_SLICE);
        assertThat(defaults.paired().seed()).isNull();

        Sweep own = read("design: paired\npaired: {rounds: 20, slice: 4s, seed: 42}\n" + PAIR);
        assertThat(own.paired()).isEqualTo(new Paired(20, Duration.ofSeconds(4), 42L, 34));
    }

    @Test
    void asManyServerJvmsMayLiveAtOnceAsTheMachinesMemoryHoldsBesideTheInjectorAndTheRunRecordsIt() {
        // 8 GiB less the injector's 1 GiB heap and 160 MiB beside it, over 512 + 160 MiB per server JVM
        Sweep derived = read("design: paired\n" + PAIR, new Machine(2, 8L << 30, 20_000, 32_768));
        assertThat(derived.paired().maxAlive()).isEqualTo(10);
        assertThat(SweepWriter.toJson(derived)).contains("\"maxAlive\" : 10");

        assertThat(read("design: paired\npaired: {maxAlive: 3}\n" + PAIR).paired().maxAlive()).isEqualTo(3);
    }

    @Test
    void aBoundTheMemoryCannotHoldOrThatLeavesNoRoomBesideTheBaselineIsRefused() {
        assertThatThrownBy(() -> read("design: paired\npaired: {maxAlive: 40}\n" + PAIR, new Machine(2, 8L << 30, 20_000, 32_768)))
                .hasMessageContaining("paired.maxAlive").hasMessageContaining("at most 10 fit");
        assertThatThrownBy(() -> read("design: paired\npaired: {maxAlive: 1}\n" + PAIR))
                .hasMessageContaining("must be at least 2");
        assertThatThrownBy(() -> read("design: paired\npaired: {maxAlive: 2}\n" + PAIR.replace("- app: reactive",
                "- {app: reactive, processes: 2}")))
                .hasMessageContaining("cannot hold the baseline (1 JVM) beside").hasMessageContaining("give at least 3");
        assertThatThrownBy(() -> read("design: paired\n" + PAIR, new Machine(2, 2L << 30, 20_000, 32_768)))
                .hasMessageContaining("2 server JVMs and the injector need").hasMessageContaining("more than this machine's memory");
    }

    @Test
    void aPairedPlanDrawsASeedOnceAndKeepsOneItIsGiven() {
        Sweep drawn = Planner.seeded(read("design: paired\n" + PAIR));
        assertThat(drawn.paired().seed()).isNotNull();
        assertThat(Planner.seeded(drawn).paired().seed()).isEqualTo(drawn.paired().seed());

        Sweep given = Planner.seeded(read("design: paired\npaired: {seed: 7}\n" + PAIR));
        assertThat(given.paired().seed()).isEqualTo(7L);
        assertThat(Planner.seeded(read(PAIR)).paired()).isNull();
    }

    @Test
    void theSeedARunDrewIsWrittenToItsRecordAndReadBack() {
        Sweep drawn = Planner.seeded(read("design: paired\n" + PAIR));
        String json = SweepWriter.toJson(drawn);
        assertThat(json).contains("\"design\" : \"paired\"").contains("\"seed\" : " + drawn.paired().seed());
        Sweep again = SweepReader.parse(json, SweepReader.Format.JSON, "reports/r/sweep.json", "pair", MACHINE);
        assertThat(again.paired()).isEqualTo(drawn.paired());
    }

    @Test
    void theSameConfigurationTwiceIsAnAaComparisonWhenItsEntriesNameTheirArms() {
        String twice = """
                design: paired
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                  - {app: servlet, workers: 1, threads: 64, arm: A}
                  - {app: servlet, workers: 1, threads: 64, arm: B}
                """;
        Plan plan = Plan.of(read(twice));
        assertThat(plan.forks()).extracting(Fork::id).containsExactly("servlet-p1-w1-t64-A-r1", "servlet-p1-w1-t64-B-r1");
        assertThat(plan.points()).extracting(p -> p.key().label()).containsExactly("servlet platform w1 t64 [A] c64",
                "servlet platform w1 t64 [B] c64");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(twice.replace(", arm: A", "").replace(", arm: B", "")))
                .hasMessageContaining("configuration servlet-p1-w1-t64 is already in servers[0]");
    }
}
