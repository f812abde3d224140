package org.jvmbench.harness.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table of tuning knobs is what every layer reads a knob from, so its rows must be whole and
 * tell apart: these are the rules a new row is held to.
 */
class KnobTableTest {

    @Test
    void everyTuningKnobHasAKeyAFlagAColumnAndAnIdCodeNoOtherKnobHas() {
        List<Knob> tunings = Knob.tunings();
        assertThat(tunings).isNotEmpty();
        assertThat(Arrays.stream(Knob.values()).map(Knob::key)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Knob.values()).map(Knob::flag)).doesNotHaveDuplicates();
        assertThat(tunings.stream().map(k -> k.tunable().column())).doesNotHaveDuplicates();
        assertThat(tunings.stream().map(k -> k.tunable().idCode())).doesNotHaveDuplicates();
        assertThat(tunings.stream().map(k -> k.tunable().labelCode())).doesNotHaveDuplicates();
        for (Knob knob : tunings) {
            assertThat(knob.flag()).as("%s's flag", knob).startsWith("--");
            assertThat(knob.tunable().help()).as("%s's help", knob).isNotBlank();
            assertThat(knob.tunable().id(7)).as("%s's id", knob).matches("-[A-Za-z0-9]+");
        }
    }

    @Test
    void everyTuningKnobIsOnSomeEngineAndEveryBindingIsAPropertyOfOneOfTheThreeKinds() {
        for (Knob knob : Knob.tunings()) {
            assertThat(Arrays.stream(Engine.values()).anyMatch(e -> e.has(knob))).as("an engine with %s", knob).isTrue();
        }
        for (Engine engine : Engine.values()) {
            for (Knob knob : engine.knobs()) {
                String property = engine.binding(knob).property();
                assertThat(property).as("%s on %s", knob, engine)
                        .matches("-D[a-zA-Z.]+|server\\.[a-z]+\\.[a-z.-]+|spring\\.[a-z.]+|bench\\.[a-z.-]+");
            }
        }
    }

    @Test
    void anEnginesKnobsComeWorkersAndThreadsFirstTheModesLast() {
        for (Engine engine : Engine.values()) {
            List<Knob> knobs = engine.knobs();
            assertThat(knobs.getFirst()).as("%s", engine).isIn(Knob.WORKERS, Knob.THREADS);
            assertThat(knobs.getLast()).as("%s", engine).isIn(Knob.VIRTUAL_THREADS, Knob.STARVATION);
        }
    }

    @Test
    void aSystemPropertyGoesBeforeTheJarAndTheRestAsSpringArguments() {
        assertThat(Engine.NETTY.binding(Knob.ELASTIC_THREADS).argument("300"))
                .isEqualTo("-Dreactor.schedulers.defaultBoundedElasticSize=300");
        assertThat(Engine.TOMCAT.binding(Knob.ACCEPT_COUNT).argument("50")).isEqualTo("--server.tomcat.accept-count=50");
        assertThat(Engine.UNDERTOW.binding(Knob.BUFFER_POOL).ours()).as("a switch of our app").isTrue();
        assertThat(Engine.TOMCAT.binding(Knob.MAX_CONNECTIONS).ours()).as("Spring Boot's").isFalse();
    }

    @Test
    void aTuningHoldsEachValueInOneFormSoTwoThatSetTheSameAreEqual() {
        assertThat(Tuning.of(Knob.ACCEPT_COUNT, "50")).isEqualTo(Tuning.of(Knob.ACCEPT_COUNT, 50));
        assertThat(Tuning.of(Knob.BUFFER_POOL, BufferPool.UNCACHED)).isEqualTo(Tuning.of(Knob.BUFFER_POOL, "Uncached"));
        assertThat(Tuning.of(Knob.BUFFER_POOL, "uncached").get(Knob.BUFFER_POOL)).isEqualTo("uncached");
        assertThat(Tuning.of(Knob.EXTRA_CPU_MICROS, 0)).as("the apps' default, held as unset").isEqualTo(Tuning.NONE);
        assertThat(Tuning.of(Map.of(Knob.MAX_CONNECTIONS, 9, Knob.MIN_THREADS, 2)).set())
                .as("in the table's order").containsExactly(Knob.MIN_THREADS, Knob.MAX_CONNECTIONS);
        assertThat(Tuning.of(Knob.ACCEPTORS, null)).as("null is the engine's default").isEqualTo(Tuning.NONE);
    }

    @Test
    void aValueOutsideItsKindIsRefusedNamingTheKnob() {
        assertThatThrownBy(() -> Tuning.of(Knob.MAX_CONNECTIONS, 0)).isInstanceOf(KnobException.class)
                .hasMessage("--max-connections: must be at least 1, got 0");
        assertThatThrownBy(() -> Tuning.of(Knob.EXTRA_CPU_MICROS, -5)).isInstanceOf(KnobException.class)
                .hasMessage("--extra-cpu-us: must be 0 or more microseconds of CPU per request, got -5");
        assertThatThrownBy(() -> Tuning.of(Knob.ACCEPT_COUNT, "many")).isInstanceOf(KnobException.class)
                .hasMessage("--accept-count: expected a whole number, at least 1, got 'many'");
        assertThatThrownBy(() -> Tuning.of(Knob.BUFFER_POOL, "huge")).isInstanceOf(KnobException.class)
                .hasMessageStartingWith("--buffer-pool: unknown buffer pool 'huge'");
    }

    @Test
    void idsAndLabelsNameAValueAsTheTableSays() {
        assertThat(Knob.ACCEPT_COUNT.tunable().id(200)).isEqualTo("-q200");
        assertThat(Knob.BUFFER_POOL.tunable().label("uncached")).isEqualTo("bp:uncached");
        assertThat(Knob.EXTRA_CPU_MICROS.tunable().id(50)).isEqualTo("-cpu50us");
        assertThat(Knob.EXTRA_CPU_MICROS.tunable().label(50)).isEqualTo("+cpu50us");
    }

    @Test
    void aLimitTakesAPositiveCountOrMinusOneForNone() {
        assertThat(Tuning.of(Knob.MAX_KEEP_ALIVE_REQUESTS, -1).text(Knob.MAX_KEEP_ALIVE_REQUESTS)).isEqualTo("-1");
        assertThat(Tuning.of(Knob.MAX_KEEP_ALIVE_REQUESTS, 1000).get(Knob.MAX_KEEP_ALIVE_REQUESTS)).isEqualTo(1000);
        assertThatThrownBy(() -> Tuning.of(Knob.MAX_KEEP_ALIVE_REQUESTS, 0)).isInstanceOf(KnobException.class)
                .hasMessage("--max-keep-alive-requests: must be at least 1, or -1 for no limit, got 0");
    }
}
