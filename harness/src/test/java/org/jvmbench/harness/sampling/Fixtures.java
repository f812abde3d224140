package org.jvmbench.harness.sampling;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Folders under {@code src/test/resources/proc} laid out like {@code /proc}. */
final class Fixtures {

    static final long HZ = 100;

    private Fixtures() {
    }

    static Path proc(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/proc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LinuxProcReader reader(String name) {
        return new LinuxProcReader(proc(name), HZ);
    }
}
