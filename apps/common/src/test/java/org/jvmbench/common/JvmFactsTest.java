package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.info.JvmCounters;

class JvmFactsTest {

    @Test
    void showsTheValuesOfThePropertiesTheHarnessSetsAndOnlyTheNamesOfOthers() {
        assertThat(JvmFacts.visible(List.of("-Xmx512m", "-Dreactor.netty.ioWorkerCount=2", "-Dapi.token=s3cret",
                "-Dflag", "-XX:+UseG1GC")))
                .containsExactly("-Xmx512m", "-Dreactor.netty.ioWorkerCount=2", "-Dapi.token=<hidden>", "-Dflag",
                        "-XX:+UseG1GC");
    }

    @Test
    void countersReadTheRunningJvm() {
        JvmCounters counters = JvmFacts.counters();

        assertThat(counters.startEpochMs()).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
        assertThat(counters.compilationMs()).isGreaterThanOrEqualTo(0);
        assertThat(counters.collectors()).isNotEmpty();
        assertThat(counters.memory().heapCommittedBytes()).isPositive();
        assertThat(counters.memory().heapUsedBytes()).isPositive();
        assertThat(counters.threads()).isPositive();
    }

    @Test
    void directBuffersAreCountedWithTheMemoryTheyHold() {
        ByteBuffer held = ByteBuffer.allocateDirect(1 << 20);

        JvmCounters.Memory memory = JvmFacts.counters().memory();

        assertThat(memory.directBufferCount()).isPositive();
        assertThat(memory.directBufferBytes()).isGreaterThanOrEqualTo(held.capacity());
    }
}
