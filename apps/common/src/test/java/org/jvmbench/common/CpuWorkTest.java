package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CpuWorkTest {

    @Test
    void resultIsTheSameForEverySplit() {
        long whole = CpuWork.run(new UnitRange(0, 100));
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (int split = 1; split <= 64; split++) {
                assertThat(CpuWork.runSplit(100, split, pool)).as("split=%d", split).isEqualTo(whole);
            }
        }
    }

    @Test
    void resultIsLockedAcrossRunsAndMachines() {
        // A changed constant here means every recorded /cpu result changes meaning.
        assertThat(CpuWork.format(CpuWork.run(new UnitRange(0, 3)))).isEqualTo(GOLDEN_3_UNITS);
    }

    @Test
    void differentWorkGivesDifferentResults() {
        assertThat(CpuWork.run(new UnitRange(0, 3))).isNotEqualTo(CpuWork.run(new UnitRange(0, 4)));
    }

    @Test
    void unitsArePartitionedIntoNearlyEqualContiguousRanges() {
        assertThat(UnitRange.partition(10, 3))
                .containsExactly(new UnitRange(0, 4), new UnitRange(4, 7), new UnitRange(7, 10));
    }

    @Test
    void thereAreNeverMoreRangesThanUnits() {
        assertThat(UnitRange.partition(2, 64)).containsExactly(new UnitRange(0, 1), new UnitRange(1, 2));
    }

    @Test
    void resultIsFormattedAsSixteenHexDigits() {
        assertThat(CpuWork.format(255)).isEqualTo("00000000000000ff");
        assertThat(CpuWork.format(-1)).isEqualTo("ffffffffffffffff");
    }

    private static final String GOLDEN_3_UNITS = "cd42cbe98f4eec2c";
}
