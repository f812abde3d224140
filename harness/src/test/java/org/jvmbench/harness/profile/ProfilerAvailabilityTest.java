package org.jvmbench.harness.profile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URL;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Whether this machine can profile is decided before anything starts, in one line. */
class ProfilerAvailabilityTest {

    private static final Function<String, URL> WITHOUT_LIBRARY = name -> null;

    @Test
    void aClassPathWithoutTheLibraryIsOneLineNamingTheArtifact() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Profiler.requireAvailable("Linux", "amd64", WITHOUT_LIBRARY))
                .withMessage("the async-profiler library (linux-x64/libasyncProfiler.so of tools.profiler:async-profiler) "
                        + "is not on the harness's class path: run ./bench once to build it");
    }

    @Test
    void anotherSystemThanLinuxOnX86IsOneLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Profiler.requireAvailable("Mac OS X", "aarch64", Profiler.class.getClassLoader()::getResource))
                .withMessage("profiling needs Linux on x86-64, this is Mac OS X on aarch64");
    }

    @Test
    void theHarnessItselfCarriesTheLibrary() {
        assertThatCode(() -> Profiler.requireAvailable("Linux", "amd64", Profiler.class.getClassLoader()::getResource))
                .doesNotThrowAnyException();
    }
}
