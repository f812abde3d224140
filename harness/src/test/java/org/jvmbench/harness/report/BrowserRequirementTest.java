package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The browser test may skip on a laptop without Chromium, never on CI. */
class BrowserRequirementTest {

    @Test
    void missingBrowserSkipsOutsideCi() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(false, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped outside CI");
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(false, ""))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void missingBrowserFailsUnderCi() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(false, "true"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI is set")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void installedBrowserRunsEverywhere() {
        assertThatCode(() -> HeadlessChromium.requireBrowser(true, "true")).doesNotThrowAnyException();
        assertThatCode(() -> HeadlessChromium.requireBrowser(true, null)).doesNotThrowAnyException();
    }
}
