package org.jvmbench.harness.server;

import java.nio.file.Path;

/**
 * A user's own Spring Boot jar in place of our apps: started with the same pinning, heap, GC
 * and knobs (through its engine's standard Spring Boot properties), ready when its readiness
 * path answers 200. Without our {@code /info}, what the harness cannot read back it says so.
 *
 * @param jar       the jar, absolute
 * @param readiness the path polled until it answers 200, e.g. {@code /actuator/health}
 */
public record OwnJar(Path jar, String readiness) {

    public OwnJar {
        jar = jar.toAbsolutePath().normalize();
        if (readiness == null || !readiness.startsWith("/")) {
            throw new IllegalArgumentException("readiness must be a path starting with /, got " + readiness);
        }
    }

    /** The jar's name without {@code .jar}: what its points are named by. */
    public String name() {
        String file = jar.getFileName().toString();
        return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
    }
}
