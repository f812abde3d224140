package org.jvmbench.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
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
        assertThat(serve("--app", "reactive", "--buffer-pool", "uncached"))
                .satisfies(r -> assertThat(r.exit).isEqualTo(2))
                .satisfies(r -> assertThat(r.err.lines()).containsExactly("bench: --buffer-pool: does not apply to netty"));
        assertThat(serve("--app", "servlet", "--engine", "undertow", "--accept-count", "10"))
                .satisfies(r -> assertThat(r.exit).isEqualTo(2))
                .satisfies(r -> assertThat(r.err.lines()).containsExactly("bench: --accept-count: does not apply to undertow"));
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

    /**
     * {@code ./bench serve ARGS} in its own JVM until it says it serves, then Ctrl-C: what it
     * printed, with the server's /info read while it ran. It must exit 0 and leave no server.
     */
    private record Served(String printed, JsonNode info) {
    }

    private Served serveUntilCtrlC(String... args) throws Exception {
        int port = ServerLauncher.freePorts("127.0.0.1", 1);
        Path log = tmp.resolve("serve-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "serve", "--port", String.valueOf(port), "--heap", "128m"));
        cmd.addAll(List.of(args));
        Process serve = new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("Ctrl-C") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String printed = Files.readString(log);
            assertThat(printed).as(printed).contains("listening on http://127.0.0.1:" + port);
            JsonNode info = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/info")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            long serverPid = info.get("pid").asLong();

            new ProcessBuilder("kill", "-INT", String.valueOf(serve.pid())).start().waitFor();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isZero();
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            return new Served(printed, info);
        } finally {
            serve.descendants().forEach(ProcessHandle::destroyForcibly);
            serve.destroyForcibly();
        }
    }

    @Test
    void servesWhatWasAskedUntilCtrlCThenStopsTheServerAndExitsZero() throws Exception {
        Served served = serveUntilCtrlC("--app", "servlet", "--workers", "2", "--threads", "5");

        assertThat(served.printed()).containsPattern("workers +Undertow IO threads +2 \\(asked 2\\)")
                .containsPattern("threads +Undertow worker pool +5 \\(asked 5\\)");
        assertThat(served.info().at("/effective/workers").asInt()).isEqualTo(2);
    }

    @Test
    void servesTomcatAndPrintsItsSettingsAsReadFromTheRunningEngine() throws Exception {
        Served served = serveUntilCtrlC("--app", "servlet", "--engine", "tomcat", "--threads", "16");

        assertThat(served.printed()).contains("servlet app on tomcat 10.1.")
                .containsPattern("threads +Tomcat max threads +16 \\(asked 16\\)")
                .containsPattern("minThreads +Tomcat min spare threads +10 \\(engine default\\)")
                .containsPattern("maxConnections +Tomcat max connections +8192 \\(engine default\\)")
                .containsPattern("acceptCount +Tomcat accept backlog +100 \\(engine default\\)")
                .containsPattern("virtualThreads +requests on virtual threads +off \\(asked off\\)");
        assertThat(served.info().at("/engine").asText()).isEqualTo("tomcat");
        assertThat(served.info().at("/effective/threads").asInt()).isEqualTo(16);
    }

    @Test
    void servesJettyAndPrintsItsSettingsAsReadFromTheRunningEngine() throws Exception {
        Served served = serveUntilCtrlC("--app", "servlet", "--engine", "jetty", "--acceptors", "1", "--max-connections", "300");

        assertThat(served.printed()).contains("servlet app on jetty 12.")
                .containsPattern("workers +Jetty selectors +1 \\(engine default\\)")
                .containsPattern("threads +Jetty max threads +200 \\(engine default\\)")
                .containsPattern("acceptors +Jetty acceptors +1 \\(asked 1\\)")
                .containsPattern("maxConnections +Jetty max connections +300 \\(asked 300\\)");
        assertThat(served.info().at("/engine").asText()).isEqualTo("jetty");
    }
}
