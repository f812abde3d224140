package org.jvmbench.harness.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project checkout the harness runs from: where the app jars and sweeps live. */
public record BenchHome(Path root) {

    /** From {@code BENCH_HOME} (set by ./bench) or the {@code bench.home} property (set by the build for tests). */
    public static BenchHome locate() {
        String home = System.getProperty("bench.home", System.getenv("BENCH_HOME"));
        if (home == null || home.isBlank()) {
            home = ".";
        }
        return new BenchHome(Path.of(home).toAbsolutePath().normalize());
    }

    public Path appJar(App app) {
        return root.resolve("apps").resolve(app.module()).resolve("target").resolve(app.module() + ".jar");
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
