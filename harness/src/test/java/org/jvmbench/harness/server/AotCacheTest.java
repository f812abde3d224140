package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.KnobException;
import org.jvmbench.harness.settings.App;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.result.WarmUp;

/** An AOT cache is reused only while it fits, and a JVM that refuses one says why in one line. */
class AotCacheTest {

    @TempDir
    Path dir;

    /** What Temurin 25.0.3 printed, started with -XX:AOTMode=on and a cache made from another app's layout. */
    private static final String REFUSED_CLASS_PATH = """
            [0.075s][warning][aot] Required classpath entry does not exist: /tmp/r/reactive-netty.jar
            [0.075s][error  ][aot] shared class paths mismatch (hint: enable -Xlog:class+path=info to diagnose the failure)
            [0.075s][error  ][aot] An error has occurred while processing the AOT cache. Run with -Xlog:aot for details.
            [0.075s][error  ][aot] unrecoverable error
            Error occurred during initialization of VM
            Unable to use AOT cache.
            """;

    /** The same JVM given a cache file that does not exist. */
    private static final String REFUSED_MISSING = """
            [0.008s][error][aot] An error has occurred while processing the AOT cache. Run with -Xlog:aot for details.
            [0.008s][error][aot] Loading static archive failed.
            [0.008s][error][aot] Unable to map shared spaces
            Error occurred during initialization of VM
            Unable to use AOT cache.
            """;

    private Path log(String text) throws IOException {
        return Files.writeString(dir.resolve("server.log"), text);
    }

    @Test
    void aRefusedCacheIsOneLineWithTheJvmsReason() throws IOException {
        assertThat(AotCache.refusal(log(REFUSED_CLASS_PATH))).contains("the JVM could not use its AOT cache (shared class paths "
                + "mismatch: Required classpath entry does not exist: /tmp/r/reactive-netty.jar) and did not start; the cache no "
                + "longer fits the jar or the JVM: delete it to have it made again");
        assertThat(AotCache.refusal(log(REFUSED_MISSING)).orElseThrow()).contains("(Loading static archive failed.)");
    }

    @Test
    void aServerThatStartedOrFailedOtherwiseWasNotRefused() throws IOException {
        assertThat(AotCache.refusal(log("[0.006s][info][aot] Opened AOT cache /x.aot.\nStarted in 1.2 s\n"))).isEmpty();
        assertThat(AotCache.refusal(dir.resolve("missing.log"))).isEmpty();
    }

    @Test
    void theServerLauncherSaysTheRefusalInsteadOfAnExitCode() throws IOException {
        Path log = log(REFUSED_CLASS_PATH);
        assertThatThrownBy(() -> AotCache.requireNotRefused(log, java.net.URI.create("http://127.0.0.1:9000")))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("the server on http://127.0.0.1:9000: the JVM could not use its AOT cache (shared class paths")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aCacheIsReusedWhileJarAndJvmAreThoseItWasMadeWith() throws IOException {
        Files.write(AotCache.file(dir, "servlet-p1"), new byte[1234]);
        AotCache.write(dir, made("servlet-p1", "0123456789abcdef", "25.0.3+9-LTS", 1234));

        assertThat(AotCache.reusable(dir, "servlet-p1", "0123456789abcdef", "25.0.3+9-LTS")).isPresent()
                .get().satisfies(m -> assertThat(m.training()).extracting(WarmUp::endpoint).containsExactly("/json"));
        assertThat(AotCache.reusable(dir, "servlet-p1", "fedcba9876543210", "25.0.3+9-LTS")).as("rebuilt jar").isEmpty();
        assertThat(AotCache.reusable(dir, "servlet-p1", "0123456789abcdef", "25.0.4+7-LTS")).as("other JVM").isEmpty();
        assertThat(AotCache.reusable(dir, "reactive-p1", "0123456789abcdef", "25.0.3+9-LTS")).as("no such cache").isEmpty();
    }

    @Test
    void aCacheWhoseTrainingWasCutShortIsMadeAgain() throws IOException {
        Files.write(AotCache.file(dir, "servlet-p1"), new byte[99]);
        AotCache.write(dir, made("servlet-p1", "0123456789abcdef", "25.0.3+9-LTS", 1234));
        assertThat(AotCache.reusable(dir, "servlet-p1", "0123456789abcdef", "25.0.3+9-LTS")).isEmpty();

        Files.delete(AotCache.record(dir, "servlet-p1"));
        Files.write(AotCache.file(dir, "servlet-p1"), new byte[1234]);
        assertThat(AotCache.reusable(dir, "servlet-p1", "0123456789abcdef", "25.0.3+9-LTS")).as("no record: not complete").isEmpty();

        Files.writeString(AotCache.record(dir, "servlet-p1"), "{\"configuration\" : \"servl");
        assertThat(AotCache.reusable(dir, "servlet-p1", "0123456789abcdef", "25.0.3+9-LTS")).as("a record cut short").isEmpty();
    }

    @Test
    void serveRefusesASweepsCacheMadeFromAnotherJar() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
        Path cache = Files.write(AotCache.file(dir, "servlet-p1"), new byte[10]);
        AotCache.write(dir, made("servlet-p1", "0123456789abcdef", AotCache.javaRuntimeVersion(), 10));
        assertThatThrownBy(() -> AotCache.requireFits(cache, jar)).isInstanceOf(KnobException.class)
                .hasMessage("--aot-cache: " + cache + " was made from another build of the app than " + jar
                        + ": run its sweep again to make a fitting one");

        AotCache.write(dir, made("servlet-p1", AotCache.jarSha256(jar), "21.0.1+12", 10));
        assertThatThrownBy(() -> AotCache.requireFits(cache, jar))
                .hasMessage("--aot-cache: " + cache + " was made on Java 21.0.1+12 and this is Java " + AotCache.javaRuntimeVersion()
                        + ": run its sweep again to make a fitting one");

        AotCache.write(dir, made("servlet-p1", AotCache.jarSha256(jar), AotCache.javaRuntimeVersion(), 10));
        AotCache.requireFits(cache, jar);
    }

    @Test
    void theTrainingRunIsOneJvmOfTheSameKnobsRecordingIntoTheCache() {
        ServerSpec spec = ServerSpec.of(App.SERVLET).processes(4).workers(1).threads(8).aotCache(true)
                .bind("127.0.0.1").heap(HeapSize.parse("128m")).gc(Gc.SERIAL).cpus(CpuSet.parse("0"))
                .jvmArgs(List.of("-Xlog:aot")).build();
        Path cache = dir.resolve("servlet-p4-w1-t8.aot");

        ServerSpec training = AotCache.trainingSpec(spec, cache, 9000);

        assertThat(training).isEqualTo(ServerSpec.of(App.SERVLET).workers(1).threads(8).aotCache(true)
                .bind("127.0.0.1").port(9000).heap(HeapSize.parse("128m")).gc(Gc.SERIAL).cpus(CpuSet.parse("0"))
                .jvmArgs(List.of("-Xlog:aot", "-XX:AOTCacheOutput=" + cache)).build());
        assertThat(AotCache.useArguments(cache)).containsExactly("-XX:AOTCache=" + cache, "-XX:AOTMode=on");
    }

    private static AotCache.Made made(String id, String sha, String runtime, long bytes) {
        return new AotCache.Made(id, sha, runtime, List.of(WarmUp.builder().endpoint("/json").users(64).settled(true).seconds(42.0).requests(100_000)
                .sinceStartSeconds(47.5).verdict("settled").build()), 7.5, bytes);
    }
}
