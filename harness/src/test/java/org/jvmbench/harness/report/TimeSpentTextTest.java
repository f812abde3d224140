package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSpentTextTest {

    private static Map<String, Double> seconds(double wall, Double eta) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("wall", wall);
        s.put("measured", 350.0);
        s.put("starting", 70.0);
        s.put("warming", 500.0);
        s.put("probing", 66.0);
        s.put("calibrating", 10.0);
        s.put("other", 4.9);
        if (eta != null) {
            s.put("eta", eta);
        }
        return s;
    }

    @Test
    void saysWhereTheWallTimeWentAndHowFarTheEtaWasOff() {
        assertThat(TimeSpentText.of(seconds(1022, 750.0))).isEqualTo("measured 5m50s (34 %), warming 8m20s (49 %), "
                + "starting 1m10s (7 %), probing 1m06s (6 %), calibrating 10s (1 %), other 4s (0 %); ETA was 12m30s, took 17m02s: 36 % longer");
        assertThat(TimeSpentText.of(seconds(1000, 1100.0))).endsWith("; ETA was 18m20s, took 16m40s: 9 % shorter");
        assertThat(TimeSpentText.of(seconds(1000, null))).endsWith("other 4s (0 %); no ETA was printed");
    }

    @Test
    void theReportSaysItInTheSameWordsAsTheTerminal() throws Exception {
        var node = org.jvmbench.harness.result.Json.MAPPER.valueToTree(seconds(1022, 750.0));

        assertThat(MachineSummary.timeSpent(node)).isEqualTo(TimeSpentText.of(seconds(1022, 750.0)));
        assertThat(MachineSummary.timeSpent(null)).isNull();
    }
}
