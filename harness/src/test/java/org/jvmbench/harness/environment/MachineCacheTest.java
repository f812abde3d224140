package org.jvmbench.harness.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineCacheTest {

    private static final MachineCache.Key HERE = new MachineCache.Key("AMD EPYC", 2, "6.18.44", "Eclipse Adoptium 25.0.3+9-LTS",
            "54f5e03", "0", "1");
    private static final MachineCache.Ceilings CEILINGS = new MachineCache.Ceilings(Instant.parse("2026-12-07T04:11:00Z"),
            99_838, Map.of("/json c64", 21_693.0));

    @Test
    void keepsTheCeilingsAndTheTimesAMachineMeasuredForItsNextSweep(@TempDir Path dir) throws Exception {
        MachineCache cache = MachineCache.open(dir, HERE);
        assertThat(cache.ceilings()).isEmpty();
        cache.putCeilings(CEILINGS);
        cache.learn("fork start", 7.0);
        cache.learn("fork start", 6.0);
        cache.learn("fork start", 9.0);
        cache.save();

        MachineCache again = MachineCache.open(dir, HERE);

        assertThat(again.ceilings()).contains(CEILINGS);
        assertThat(again.typical("fork start")).hasValue(7.0);
        assertThat(again.typical("warm-up servlet platform /json")).isEmpty();
        assertThat(again.file()).isEqualTo(cache.file()).exists();
    }

    @Test
    void anotherKernelJdkCommitOrPinningIsAnotherMachineAndFindsNothing(@TempDir Path dir) throws Exception {
        MachineCache cache = MachineCache.open(dir, HERE);
        cache.putCeilings(CEILINGS);
        cache.learn("calibration", 5.5);
        cache.save();

        for (MachineCache.Key other : new MachineCache.Key[] {
                new MachineCache.Key("AMD EPYC", 2, "6.19.1", HERE.jdk(), HERE.commit(), "0", "1"),
                new MachineCache.Key("AMD EPYC", 2, HERE.kernel(), "Eclipse Adoptium 25.0.4+7-LTS", HERE.commit(), "0", "1"),
                new MachineCache.Key("AMD EPYC", 2, HERE.kernel(), HERE.jdk(), "9a1b2c3", "0", "1"),
                new MachineCache.Key("AMD EPYC", 2, HERE.kernel(), HERE.jdk(), HERE.commit(), "1", "0"),
                new MachineCache.Key("Intel Xeon", 2, HERE.kernel(), HERE.jdk(), HERE.commit(), "0", "1")}) {
            MachineCache there = MachineCache.open(dir, other);
            assertThat(there.ceilings()).as("ceilings for %s", other).isEmpty();
            assertThat(there.seconds()).as("times for %s", other).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsMeasuredAgainNotTrusted(@TempDir Path dir) throws Exception {
        MachineCache cache = MachineCache.open(dir, HERE);
        cache.putCeilings(CEILINGS);
        cache.save();
        Files.writeString(cache.file(), "{\"key\": {\"cpuModel\": ");

        assertThat(MachineCache.open(dir, HERE).ceilings()).isEmpty();
    }

    @Test
    void keepsOnlyTheLatestTimesOfEachKind(@TempDir Path dir) {
        MachineCache cache = MachineCache.open(dir, HERE);
        for (int i = 1; i <= Defaults.CACHE_TIMES_KEPT + 4; i++) {
            cache.learn("calibration", i);
        }

        assertThat(cache.seconds().get("calibration")).hasSize(Defaults.CACHE_TIMES_KEPT).startsWith(5.0);
    }

    @Test
    void newCeilingsJoinThoseOfOtherLoadsAndCarryTheirOwnCalibration(@TempDir Path dir) {
        MachineCache cache = MachineCache.open(dir, HERE);
        cache.putCeilings(CEILINGS);

        cache.putCeilings(new MachineCache.Ceilings(Instant.parse("2026-12-07T05:00:00Z"), 90_000, Map.of("/json c128", 20_000.0)));

        assertThat(cache.ceilings()).hasValueSatisfying(c -> {
            assertThat(c.rpsByLoad()).containsOnlyKeys("/json c64", "/json c128");
            assertThat(c.calibrationOpsPerSecond()).isEqualTo(90_000);
            assertThat(c.drift(99_000)).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        });
    }
}
