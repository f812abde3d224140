package org.jvmbench.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.server.ServerLauncher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandIT {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run serve(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aTakenPortIsOneLineAndExitTwoWithNothingStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = serve("--app", "servlet", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err.lines()).containsExactly("bench: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void badValuesAndKnobsThatDoNotApplyAreOneLineAndExitTwo() {
        assertThat(serve("--app", "reactive", "--virtual-threads"))
                .satisfies(r -> assertThat(r.exit).isEqualTo(2))
                .satisfies(r -> assertThat(r.err.lines()).containsExactly(
                        "bench: --virtual-threads: does not apply to the reactive app (it runs on event loops)"));
        assertThat(serve("--app", "reactive", "--starvation"))
                .satisfies(r -> assertThat(r.exit).isEqualTo(2))
                .satisfies(r -> assertThat(r.err.lines()).containsExactly(
                        "bench: --starvation: does not apply to the reactive app (its split work never blocks a thread)"));
        assertThat(serve("--app", "tomcat").err.lines()).containsExactly("bench: --app: unknown app 'tomcat' (expected servlet or reactive)");
        assertThat(serve("--app", "servlet", "--workers", "0").exit).isEqualTo(2);
        assertThat(serve("--app", "servlet", "--threads", "many").exit).isEqualTo(2);
        assertThat(serve("--app", "servlet", "--cpus", "64").err).contains("CPU 64 does not exist");
        assertThat(serve("--app", "servlet", "--heap", "lots").err).contains("--heap: 'lots' is not a heap size");
        assertThat(serve("--app", "servlet", "--gc", "CMS").err).contains("--gc: unknown collector 'CMS'");
        assertThat(serve("--port", "8080").err).startsWith("bench: Missing required option: '--app=<app>'");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void servesWhatWasAskedUntilCtrlCThenStopsTheServerAndExitsZero() throws Exception {
        int port = ServerLauncher.freePorts("127.0.0.1", 1);
        Path log = tmp.resolve("serve.log");
        List<String> cmd = List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "serve", "--app", "servlet", "--port", String.valueOf(port), "--workers", "2", "--threads", "5", "--heap", "128m");
        Process serve = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("Ctrl-C") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String printed = Files.readString(log);
            assertThat(printed).contains("listening on http://127.0.0.1:" + port)
                    .contains("Undertow IO threads): 2 (asked 2)").contains("Undertow worker pool): 5 (asked 5)");
            JsonNode info = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/info")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            long serverPid = info.get("pid").asLong();
            assertThat(info.at("/effective/workers").asInt()).isEqualTo(2);

            new ProcessBuilder("kill", "-INT", String.valueOf(serve.pid())).start().waitFor();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isZero();
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            serve.descendants().forEach(ProcessHandle::destroyForcibly);
            serve.destroyForcibly();
        }
    }
}
