package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jvmbench.harness.config.Defaults;
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

    private static Sweep read(String yaml) {
        return SweepReader.parse(yaml, SweepReader.Format.YAML, "sweeps/pair.yaml", "pair", 2);
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
        assertThat(own.paired()).isEqualTo(new Paired(20, Duration.ofSeconds(4), 42L));
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
        Sweep again = SweepReader.parse(json, SweepReader.Format.JSON, "reports/r/sweep.json", "pair", 2);
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
        assertThat(plan.runs()).extracting(Fork::id).containsExactly("servlet-p1-w1-t64-A-r1", "servlet-p1-w1-t64-B-r1");
        assertThat(plan.points()).extracting(p -> p.key().label()).containsExactly("servlet platform w1 t64 [A] c64",
                "servlet platform w1 t64 [B] c64");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(twice.replace(", arm: A", "").replace(", arm: B", "")))
                .hasMessageContaining("configuration servlet-p1-w1-t64 is already in servers[0]");
    }
}
