package org.jvmbench.harness.result;

import java.util.Map;
import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Knob;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A point's key names it one way everywhere: its id for files and resume, its labels for people. */
class PointKeyTest {

    private static final PointKey SERVLET = Keys.point("servlet", 1, 8, false, 1, "/json", 64);
    private static final PointKey VIRTUAL_TWO_PROCESSES = Keys.point("servlet", null, 64, true, 2, "/io?ms=10", 128);
    private static final PointKey REACTIVE = Keys.point("reactive", 2, null, false, 1, "/cpu?n=280&split=4", 16);

    @Test
    void keepsTheIdFormThatResultsAndResumeMatchOn() {
        assertThat(SERVLET.id()).isEqualTo("servlet-p1-w1-t8-json-c64");
        assertThat(VIRTUAL_TWO_PROCESSES.id()).isEqualTo("servlet-vt-p2-wdef-t64-io_ms_10-c128");
        assertThat(REACTIVE.id()).isEqualTo("reactive-p1-w2-tdef-cpu_n_280_split_4-c16");
    }

    @Test
    void startsEveryIdWithItsConfigurationsId() {
        for (PointKey k : new PointKey[] {SERVLET, VIRTUAL_TWO_PROCESSES, REACTIVE}) {
            assertThat(k.id()).startsWith(k.configuration().id() + "-");
        }
        assertThat(VIRTUAL_TWO_PROCESSES.configuration().id()).isEqualTo("servlet-vt-p2-wdef-t64");
    }

    @Test
    void labelsTheServerPartLeavingDefaultsAndASingleProcessUnsaid() {
        assertThat(SERVLET.configuration().label()).isEqualTo("servlet platform w1 t8");
        assertThat(VIRTUAL_TWO_PROCESSES.configuration().label()).isEqualTo("servlet virtual t64 ×2 proc");
        assertThat(REACTIVE.configuration().label()).isEqualTo("reactive event-loop w2");
    }

    @Test
    void labelsATableRowWithItsLoadAndAProgressLineWithItsEndpointToo() {
        assertThat(SERVLET.label()).isEqualTo("servlet platform w1 t8 c64");
        assertThat(SERVLET.label(Set.of())).isEqualTo("servlet platform w1 t8 /json c64");
        assertThat(VIRTUAL_TWO_PROCESSES.label(Set.of())).isEqualTo("servlet virtual t64 ×2 proc /io?ms=10 c128");
    }

    @Test
    void leavesOutTheFieldsAComparisonIgnores() {
        assertThat(VIRTUAL_TWO_PROCESSES.label(EnumSet.of(KeyField.ENDPOINT, KeyField.VIRTUAL_THREADS))).isEqualTo("servlet t64 ×2 proc c128");
        assertThat(SERVLET.label(EnumSet.of(KeyField.ENDPOINT, KeyField.APP))).as("no app, no mode").isEqualTo("w1 t8 c64");
        assertThat(SERVLET.label(EnumSet.allOf(KeyField.class))).isEmpty();
    }

    @Test
    void namesAnEnginesOwnKnobsAndTheAotCacheApartFromTheColumnsEveryConfigurationHas() {
        ConfigurationKey uncached = new ConfigurationKey("servlet", null, null, 1, null, true, 1,
                Tuning.of(Knob.BUFFER_POOL, "uncached"), false, null);
        ConfigurationKey elasticCached = new ConfigurationKey("reactive", null, null, 1, null, true, 1,
                Tuning.of(Knob.ELASTIC_THREADS, 1000), true, null);

        assertThat(uncached.settings()).isEqualTo("bp:uncached");
        assertThat(elasticCached.settings()).isEqualTo("el1000 +aot");
        assertThat(SERVLET.configuration().settings()).as("nothing but the common knobs").isEmpty();
    }

    @Test
    void namesTheExtraCpuInTheSettingsTheLabelAndTheIdOnlyWhenSet() {
        ConfigurationKey slowed = new ConfigurationKey("servlet", null, null, 1, 64, false, 1,
                Tuning.of(Knob.EXTRA_CPU_MICROS, 50), false, null);
        ConfigurationKey slowedCached = new ConfigurationKey("reactive", null, null, 1, null, false, 1,
                Tuning.of(Map.of(Knob.ELASTIC_THREADS, 1000, Knob.EXTRA_CPU_MICROS, 50)), true, null);

        assertThat(slowed.settings()).isEqualTo("+cpu50us");
        assertThat(slowed.label()).isEqualTo("servlet platform w1 t64 +cpu50us");
        assertThat(slowed.id()).isEqualTo("servlet-p1-w1-t64-cpu50us");
        assertThat(slowedCached.settings()).isEqualTo("el1000 +cpu50us +aot");
        ConfigurationKey plain = Keys.configuration("servlet", 1, 64, false, 1);
        assertThat(plain.id()).as("the form resume matches on").isEqualTo("servlet-p1-w1-t64");
        assertThat(plain.settings()).isEmpty();
    }

    @Test
    void isWrittenToResultsAsOneFlatObjectInTheFormOfEveryEarlierRun() throws Exception {
        // as results.jsonl has held it since schema 2: the first schema's knobs null when unset, later ones left out
        String earlier = "{\"app\":\"servlet\",\"engine\":null,\"jar\":null,\"workers\":1,\"threads\":64,"
                + "\"virtualThreads\":false,\"processes\":1,\"minThreads\":null,\"maxConnections\":null,"
                + "\"acceptCount\":null,\"acceptors\":null,\"bufferPool\":null,\"elasticThreads\":null,"
                + "\"aotCache\":false,\"endpoint\":\"/json\",\"concurrency\":128,\"rate\":null,\"rateFraction\":null}";
        PointKey key = PointKey.of(Keys.configuration("servlet", 1, 64, false, 1), "/json", 128);

        assertThat(Json.MAPPER.writeValueAsString(key)).isEqualTo(earlier);
        assertThat(Json.MAPPER.readValue(earlier, PointKey.class)).isEqualTo(key);
    }

    @Test
    void writesASetKnobUnderItsKeyAndTheArmLast() throws Exception {
        ConfigurationKey slowed = new ConfigurationKey("servlet", "tomcat", null, null, 16, false, 1,
                Tuning.of(Map.of(Knob.ACCEPT_COUNT, 50, Knob.EXTRA_CPU_MICROS, 40)), false, "B");
        PointKey key = new PointKey(slowed, "/io?ms=10", LoadLevel.Open.atRate(500.0, 300));

        String json = Json.MAPPER.writeValueAsString(key);

        assertThat(json).contains("\"acceptCount\":50,\"acceptors\":null,\"bufferPool\":null,\"elasticThreads\":null,"
                + "\"extraCpuMicros\":40,\"aotCache\":false,\"endpoint\":\"/io?ms=10\",\"concurrency\":300,"
                + "\"rate\":500.0,\"rateFraction\":null,\"arm\":\"B\"}");
        assertThat(Json.MAPPER.readValue(json, PointKey.class)).isEqualTo(key);
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(slowed), ConfigurationKey.class)).isEqualTo(slowed);
    }
}
