package org.jvmbench.harness.prerequisite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest {

    @Test
    void aMissingPrerequisiteFailsTheTestUnderCiWithTheReason() {
        assertThatThrownBy(() -> Prerequisite.require(false, "namespace hosts need root", "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("namespace hosts need root");
    }

    @Test
    void aMissingPrerequisiteSkipsTheTestOutsideCiAndPrintsTheReason() {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            for (String notCi : new String[] {null, "", "false", "0"}) {
                assertThatThrownBy(() -> Prerequisite.require(false, "no sshd here", notCi))
                        .as("CI=%s", notCi)
                        .isInstanceOf(TestAbortedException.class)
                        .hasMessageContaining("no sshd here");
            }
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[SKIPPED] no sshd here");
    }

    @Test
    void ciIsReadAsCiSystemsWriteIt() {
        assertThatThrownBy(() -> Prerequisite.require(false, "x", "TRUE")).isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> Prerequisite.require(false, "x", " true\n")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void aPrerequisiteThatIsMetNeitherSkipsNorFails() {
        assertThatCode(() -> Prerequisite.require(true, "unused", "true")).doesNotThrowAnyException();
        assertThatCode(() -> Prerequisite.require(true, "unused", null)).doesNotThrowAnyException();
    }
}
