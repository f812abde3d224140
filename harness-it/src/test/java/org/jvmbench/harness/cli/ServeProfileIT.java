package org.jvmbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
import org.jvmbench.harness.server.ServerLauncher;

/** {@code ./bench serve --profile cpu}: Ctrl-C leaves the server's flame graph beside its kept logs, and says where. */
class ServeProfileIT {

    @TempDir
    Path tmp;

    private static final Pattern FLAME = Pattern.compile("flame graph: (\\S+)");

    @Test
    void ctrlCWritesTheFlameGraphNextToTheLogsAndPrintsItsPath() throws Exception {
        int port = ServerLauncher.freePorts("127.0.0.1", 1);
        Path log = tmp.resolve("serve.log");
        List<String> cmd = List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "serve", "--app", "reactive", "--port", String.valueOf(port), "--heap", "128m", "--profile", "cpu");
        Process serve = new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("Ctrl-C") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).contains("profiling: async-profiler 4.2, cpu via ")
                    .contains("servers started with -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints")
                    .contains("(kept: the flame graphs are written there when the server stops)");
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 200; i++) {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }

            new ProcessBuilder("kill", "-INT", String.valueOf(serve.pid())).start().waitFor();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(log);
            assertThat(serve.exitValue()).as(printed).isZero();
            Matcher flame = FLAME.matcher(printed);
            assertThat(flame.find()).as(printed).isTrue();
            Path graph = Path.of(flame.group(1));
            try {
                assertThat(graph.getFileName()).hasToString("flame.html");
                assertThat(graph).content().startsWith("<!DOCTYPE html>").contains("SpringApplication");
                assertThat(graph.resolveSibling("server.log")).exists();
            } finally {
                deleteTree(graph.getParent());
            }
        } finally {
            serve.descendants().forEach(ProcessHandle::destroyForcibly);
            serve.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
