package org.jvmbench.harness.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project checkout the harness runs from: where the app jars, the injector, the sweeps and the reports live. */
public record ProjectHome(Path root) {

    /** From {@code BENCH_HOME} (set by ./bench) or the {@code bench.home} property (set by the build for tests). */
    public static ProjectHome locate() {
        String home = System.getProperty("bench.home", System.getenv("BENCH_HOME"));
        if (home == null || home.isBlank()) {
            home = ".";
        }
        return new ProjectHome(Path.of(home).toAbsolutePath().normalize());
    }

    /** The jar Maven builds for the app module {@code apps/<module>}: {@code apps/<module>/target/<module>.jar}. */
    public Path appJar(String module) {
        return root.resolve("apps").resolve(module).resolve("target").resolve(module + ".jar");
    }

    public Path sweeps() {
        return root.resolve("sweeps");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    /** The injector's classpath: loadtests classes plus the file Maven wrote at package time. */
    public String injectorClasspath() {
        Path target = root.resolve("loadtests").resolve("target");
        Path listing = target.resolve("classpath.txt");
        try {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(listing).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the injector is not built (" + listing + " missing): run ./bench once, or ./mvnw package");
        }
    }
}
