package org.jvmbench.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./bench must find a JDK >= 21 by itself on a machine whose default java is 17: JAVA_HOME
 * if it is one, else java on PATH, else the newest under the system JVM folder; none gives
 * one line and exit 2. Fake JDKs are scripts that print their specification version.
 */
class JdkDiscoveryTest {

    @TempDir
    Path tmp;

    @Test
    void prefersJavaHomeWhenItIsRecentEnough() throws Exception {
        Path home = fakeJdk(tmp.resolve("jvm/jdk-22"), "22");
        fakeJdk(tmp.resolve("jvm/jdk-25"), "25");
        Result r = discover(Map.of("JAVA_HOME", home.toString()), fakePathJava("17"));
        assertThat(r.exit).isZero();
        assertThat(r.out.trim()).isEqualTo(home.toString());
    }

    @Test
    void skipsAnOldJavaHomeAndTakesJavaOnPath() throws Exception {
        Path old = fakeJdk(tmp.resolve("old/jdk-17"), "17");
        Path onPath = fakeJdk(tmp.resolve("path/jdk-21"), "21");
        Result r = discover(Map.of("JAVA_HOME", old.toString()), onPath.resolve("bin"));
        assertThat(r.exit).isZero();
        assertThat(r.out.trim()).isEqualTo(onPath.toString());
    }

    @Test
    void takesTheNewestJdkOfTheSystemFolderWhenPathHasAnOldOne() throws Exception {
        fakeJdk(tmp.resolve("jvm/java-17-openjdk"), "17");
        fakeJdk(tmp.resolve("jvm/jdk-21"), "21");
        Path newest = fakeJdk(tmp.resolve("jvm/temurin-25-jdk"), "25");
        Result r = discover(Map.of(), fakePathJava("1.8"));
        assertThat(r.exit).isZero();
        assertThat(r.out.trim()).isEqualTo(newest.toString());
    }

    @Test
    void failsWithOneLineAndExitTwoWithoutAnyRecentJdk() throws Exception {
        fakeJdk(tmp.resolve("jvm/java-17-openjdk"), "17");
        Result r = discover(Map.of(), fakePathJava("17"));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("no JDK 21 or newer found").contains("JAVA_HOME");
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs ./bench --print-java-home with the system JVM folder pointed at tmp/jvm. */
    private Result discover(Map<String, String> env, Path pathJavaDir) throws IOException, InterruptedException {
        Path bench = Path.of(System.getProperty("bench.home", "..")).resolve("bench");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", bench.toString(), "--print-java-home"));
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        pb.environment().put("BENCH_JVM_DIR", tmp.resolve("jvm").toString());
        pb.environment().put("PATH", pathJavaDir + ":/usr/bin:/bin");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path fakePathJava(String version) throws IOException {
        return fakeJdk(tmp.resolve("onpath-" + version), version).resolve("bin");
    }

    /** A folder that looks like a JDK: bin/java prints its version the way -XshowSettings does. */
    private static Path fakeJdk(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        String script = "#!/bin/sh\necho 'Property settings:' >&2\necho '    java.specification.version = " + version + "' >&2\n";
        for (String tool : List.of("java", "javac")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
