package org.jvmbench.harness.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuSetTest {

    @Test
    void readsTasksetLists() {
        assertThat(CpuSet.parse("0").cpus()).containsExactly(0);
        assertThat(CpuSet.parse("0-2").cpus()).containsExactly(0, 1, 2);
        assertThat(CpuSet.parse("3,0-1").cpus()).containsExactly(0, 1, 3);
        assertThat(CpuSet.parse("2, 1").toString()).isEqualTo("1,2");
    }

    @Test
    void rejectsWhatTasksetWouldReject() {
        assertThatThrownBy(() -> CpuSet.parse("a")).hasMessageContaining("bad CPU list 'a'");
        assertThatThrownBy(() -> CpuSet.parse("3-1")).hasMessageContaining("bad CPU range");
        assertThatThrownBy(() -> CpuSet.parse("")).hasMessageContaining("empty CPU list");
    }

    @Test
    void namesTheCpuTheMachineDoesNotHave() {
        assertThatThrownBy(() -> CpuSet.parse("0,5").requireWithin(2))
                .hasMessage("CPU 5 does not exist: this machine has CPUs 0-1");
        assertThat(CpuSet.parse("1").requireWithin(2).size()).isEqualTo(1);
    }
}
