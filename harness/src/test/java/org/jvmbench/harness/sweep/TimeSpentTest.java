package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.plan.Timings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSpentTest {

    @Test
    void timesEachPartAndKeepsWhatTheNextEtaCanLearn() throws Exception {
        TimeSpent spent = new TimeSpent();
        spent.time(TimeSpent.Part.WARMING, "warm-up servlet platform /json", () -> {
            Thread.sleep(30);
            return null;
        });
        spent.time(TimeSpent.Part.WARMING, null, () -> null);

        Map<String, Double> seconds = spent.seconds(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));

        assertThat(spent.of(TimeSpent.Part.WARMING)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(spent.timed()).singleElement().satisfies(t -> assertThat(t.what()).isEqualTo("warm-up servlet platform /json"));
        assertThat(seconds).containsEntry("wall", 2.0).containsEntry("measured", 1.0).containsEntry("eta", 3.0)
                .containsKeys("warming", "starting", "probing", "calibrating", "other");
        assertThat(seconds.get("other")).isBetween(0.8, 1.0);
    }

    @Test
    void theNextEtaUsesTheMediansThisMachineMeasuredAndTheDefaultsElsewhere(@TempDir Path dir) {
        MachineCache cache = MachineCache.open(dir, new MachineCache.Key("cpu", 2, "k", "jdk", "c", "0", "1"));
        TimeSpent spent = new TimeSpent();
        for (double s : new double[] {80, 95, 87}) {
            cache.learn(LearnedTimings.warmUp(org.jvmbench.harness.result.Keys.point("servlet", 1, 64, false, 1, "/json", 64)), s);
        }
        cache.learn(LearnedTimings.FORK_START, 6.5);
        LearnedTimings.learn(cache, spent);

        Timings timings = LearnedTimings.of(cache);

        assertThat(timings.warmUps()).containsExactly(Map.entry("servlet platform /json", Duration.ofSeconds(87)));
        assertThat(timings.perFork()).isEqualTo(Duration.ofMillis(6500));
        assertThat(timings.calibration()).isEqualTo(Timings.DEFAULTS.calibration());
        assertThat(timings.ceilingProbe()).isEqualTo(Timings.DEFAULTS.ceilingProbe());
    }
}
