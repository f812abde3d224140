package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.Keys;
import org.junit.jupiter.api.Test;

class CeilingTest {

    @Test
    void platformThreadsAreBoundByThreadsTimesProcesses() {
        assertThat(Ceiling.rps(Keys.point("servlet", 2, 16, false, 1, "/io?ms=10", 128)))
                .hasValue(1_600.0);
        assertThat(Ceiling.rps(Keys.point("servlet", 2, 64, false, 2, "/io?ms=10", 256)))
                .hasValue(12_800.0);
    }

    @Test
    void platformThreadsBeyondTheConnectionsAreBoundByTheConnections() {
        assertThat(Ceiling.rps(Keys.point("servlet", 2, 200, false, 1, "/io?ms=10", 16))).hasValue(1_600.0);
    }

    @Test
    void virtualThreadsAndTheEventLoopAreBoundByTheConnectionsAlone() {
        assertThat(Ceiling.rps(Keys.point("servlet", 2, 16, true, 1, "/io?ms=20", 128))).hasValue(6_400.0);
        assertThat(Ceiling.rps(Keys.point("reactive", 1, null, false, 1, "/io?ms=20", 128))).hasValue(6_400.0);
    }

    @Test
    void waitDefaultsToTenMillisecondsAndOnlyIoEndpointsHaveOne() {
        assertThat(Ceiling.waitMillis("/io")).hasValue(10.0);
        assertThat(Ceiling.waitMillis("/io?size=2&ms=50")).hasValue(50.0);
        assertThat(Ceiling.waitMillis("/hello")).isEmpty();
        assertThat(Ceiling.waitMillis("/cpu?ms=10")).isEmpty();
        assertThat(Ceiling.rps(Keys.point("reactive", 1, null, false, 1, "/hello", 128))).isEmpty();
    }

    @Test
    void platformPoolLeftAtTheEngineDefaultHasNoKnownCeiling() {
        assertThat(Ceiling.rps(Keys.point("servlet", null, null, false, 1, "/io", 128))).isEmpty();
    }
}
