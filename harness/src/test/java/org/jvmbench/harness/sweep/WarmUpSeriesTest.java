package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.trust.SettleRule;

/** A warm-up keeps its throughput per wall-clock second, so a report can draw it against time since start. */
class WarmUpSeriesTest {

    @Test
    void theSlicesWholeSecondsBecomeOneSeriesWithGapsBetweenSlices() {
        List<SettleRule.Second> seconds = List.of(new SettleRule.Second(1_000, 10), new SettleRule.Second(1_001, 12),
                new SettleRule.Second(1_004, 20), new SettleRule.Second(1_005, 21));

        assertThat(WarmUpLoop.series(seconds)).containsExactly(10L, 12L, null, null, 20L, 21L);
        assertThat(WarmUpLoop.series(List.of())).isEmpty();
    }

    @Test
    void theSeriesIsWrittenWithItsStartAndTheJvmsStartAndReadBack() throws Exception {
        WarmUp warmUp = WarmUp.builder().endpoint("/json").users(64).settled(true).seconds(25.0).requests(1_000)
                .sinceStartSeconds(31.2).verdict("settled").jvmStartEpochMs(1_700_000_000_123L).startEpochSecond(1_700_000_006L)
                .rps(Arrays.asList(800L, 950L, null, 1_010L)).build();

        String json = Json.MAPPER.writeValueAsString(warmUp);

        assertThat(json).contains("\"jvmStartEpochMs\":1700000000123", "\"startEpochSecond\":1700000006",
                "\"rps\":[800,950,null,1010]");
        assertThat(Json.MAPPER.readValue(json, WarmUp.class)).isEqualTo(warmUp);
        assertThat(Json.MAPPER.readValue("{\"endpoint\":\"/json\",\"users\":1,\"settled\":true}", WarmUp.class).rps())
                .as("a warm-up recorded before the series was kept").isNull();
    }
}
