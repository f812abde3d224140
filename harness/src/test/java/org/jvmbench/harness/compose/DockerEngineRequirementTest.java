package org.jvmbench.harness.compose;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The compose test may skip on a machine without Docker, never on CI. */
class DockerEngineRequirementTest {

    @Test
    void missingEngineSkipsWithItsReasonOutsideCi() {
        assertThatThrownBy(() -> DockerEngine.requireEngine("no Docker engine answers", null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("skipped outside CI");
        assertThatThrownBy(() -> DockerEngine.requireEngine("no Compose", ""))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no Compose");
    }

    @Test
    void missingEngineFailsUnderCi() {
        assertThatThrownBy(() -> DockerEngine.requireEngine("no Docker engine answers", "true"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI is set but no Docker engine answers")
                .hasMessageContaining(".ci/run");
    }

    @Test
    void anEngineRunsEverywhere() {
        assertThatCode(() -> DockerEngine.requireEngine(null, "true")).doesNotThrowAnyException();
        assertThatCode(() -> DockerEngine.requireEngine(null, null)).doesNotThrowAnyException();
    }
}
