package org.jvmbench.harness.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;
import org.jvmbench.harness.config.Defaults;

/**
 * A user's own Spring Boot jar in place of our apps: started with the same pinning, heap, GC
 * and knobs (through its engine's standard Spring Boot properties), ready when its readiness
 * path answers 200. Without our {@code /info}, what the harness cannot read back it says so
 * ({@link ActuatorProbe}).
 *
 * @param jar          the jar, absolute
 * @param readiness    the path polled until it answers 200, e.g. {@code /actuator/health}
 * @param startTimeout how long it may take to answer there with 200
 */
public record OwnJar(Path jar, String readiness, Duration startTimeout) {

    public OwnJar {
        jar = jar.toAbsolutePath().normalize();
        if (readiness == null || !readiness.startsWith("/")) {
            throw new IllegalArgumentException("readiness must be a path starting with /, got " + readiness);
        }
        startTimeout = startTimeout == null ? Defaults.SERVER_START_TIMEOUT : startTimeout;
    }

    /** The jar's name without {@code .jar}: what its points are named by. */
    public String name() {
        String file = jar.getFileName().toString();
        return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
    }

    /** The Spring Boot version its manifest names, or null where it names none. */
    public String springBootVersion() {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Spring-Boot-Version");
        } catch (IOException e) {
            return null;
        }
    }
}
