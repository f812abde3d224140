package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsPlacementTest {

    @Test
    void readsTheFeatureVersionOfAHostsJavaFromItsVersionLine() {
        assertThat(HostsPlacement.javaFeature("openjdk version \"25.0.1\" 2025-10-21 LTS")).isEqualTo(25);
        assertThat(HostsPlacement.javaFeature("openjdk version \"17.0.15\" 2025-04-15")).isEqualTo(17);
        assertThat(HostsPlacement.javaFeature("java version \"1.8.0_402\"")).isEqualTo(8);
        assertThat(HostsPlacement.javaFeature("openjdk version \"26-ea\" 2026-03-17")).isEqualTo(26);
        assertThat(HostsPlacement.javaFeature("?")).isZero();
    }
}
