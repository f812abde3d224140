package org.jvmbench.harness.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.config.ProjectHome;

/**
 * docker-compose.yml end to end in real containers (issue 26): the apps come up through the file
 * with thread counts chosen here, through the environment variables it documents, and read them
 * back on /info; its injector service runs a short closed-model run against each app and leaves
 * its Gatling report in the results folder; {@code down} leaves nothing of the project behind.
 * Images that cannot be pulled are stood in by docker/stand-in-images.sh first. Without a Docker
 * engine it is skipped with the reason, and fails when CI is set.
 */
class ComposeStackIT {

    private static final ProjectHome HOME = ProjectHome.locate();
    private static final Path FILE = HOME.root().resolve("docker-compose.yml");
    private static final Pattern RECORDED = Pattern.compile(
            "\\[ClosedLoadSimulation] recorded (\\d+) requests \\(ok (\\d+), ko (\\d+)");
    /** Thread counts none of the file's defaults (1 and 64, 1 and 1) has, so a read-back proves they arrived. */
    private static final int SERVLET_WORKERS = 2;
    private static final int SERVLET_THREADS = 7;
    private static final int REACTIVE_WORKERS = 3;
    private static final int REACTIVE_THREADS = 2;

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String elapsed(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 100 / 10.0 + " s";
    }

    /** /info's body, or null while the app is still starting. */
    private static JsonNode info(HttpClient client, int port) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/info"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode awaitInfo(HttpClient client, int port, Instant deadline) throws InterruptedException {
        while (true) {
            JsonNode info = info(client, port);
            if (info != null) {
                return info;
            }
            assertThat(Instant.now()).as("the app on port %d answers /info in time", port).isBefore(deadline);
            Thread.sleep(500); // polling towards a deadline, not waiting a fixed time
        }
    }

    private static Set<Path> runFolders(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return new HashSet<>(entries.filter(Files::isDirectory).toList());
        }
    }

    /** What the engine still holds of {@code project}: containers, networks and volumes, by label and by name. */
    private static List<String> leftovers(String project) throws Exception {
        List<String> found = new ArrayList<>();
        String label = "label=com.docker.compose.project=" + project;
        for (List<String> query : List.of(
                List.of("docker", "ps", "-a", "--format", "container {{.Names}}", "--filter", label),
                List.of("docker", "ps", "-a", "--format", "container {{.Names}}", "--filter", "name=" + project),
                List.of("docker", "network", "ls", "--format", "network {{.Name}}", "--filter", label),
                List.of("docker", "network", "ls", "--format", "network {{.Name}}", "--filter", "name=" + project),
                List.of("docker", "volume", "ls", "--format", "volume {{.Name}}", "--filter", label),
                List.of("docker", "volume", "ls", "--format", "volume {{.Name}}", "--filter", "name=" + project))) {
            DockerEngine.Outcome listed = DockerEngine.run(query, Map.of(), Duration.ofSeconds(30), null);
            assertThat(listed.exitCode()).as("%s:%s", query, listed.tail()).isZero();
            listed.output().lines().filter(line -> !line.isBlank()).forEach(found::add);
        }
        return new ArrayList<>(new LinkedHashSet<>(found));
    }

    @Test
    void bringsUpBothAppsWithTheChosenThreadsRunsTheInjectorOnEachAndLeavesNothingBehind() throws Exception {
        DockerEngine engine = DockerEngine.requireOrSkip();
        assertThat(HOME.appJar("servlet-undertow")).as("built app jar").isRegularFile();
        assertThat(HOME.root().resolve("loadtests/target/lib")).as("the injector's jars (./mvnw package)").isDirectoryContaining("glob:**/gatling-app-*.jar");

        // Unique per run: nothing of another run or of a user's own stack is touched or counted.
        String project = "jvmbenchit" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        Path reports = Files.createDirectory(tmp.resolve("compose-reports"));
        int servletPort = freePort();
        int reactivePort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "COMPOSE_PROJECT_NAME", project,
                "SERVLET_WORKERS", Integer.toString(SERVLET_WORKERS), "SERVLET_THREADS", Integer.toString(SERVLET_THREADS),
                "REACTIVE_WORKERS", Integer.toString(REACTIVE_WORKERS), "REACTIVE_THREADS", Integer.toString(REACTIVE_THREADS),
                "SERVLET_PORT", Integer.toString(servletPort), "REACTIVE_PORT", Integer.toString(reactivePort),
                "REPORTS_DIR", reports.toString()));
        environment.put("CONCURRENCY", "4");
        environment.put("DURATION", "3");

        // The images of the services used here, as Compose itself resolves the file.
        DockerEngine.Outcome config = DockerEngine.run(engine.compose(FILE, "config"), environment, Duration.ofMinutes(1), null);
        assertThat(config.exitCode()).as("compose config:%s", config.tail()).isZero();
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(config.output()).get("services");
        Set<String> images = new LinkedHashSet<>();
        for (String service : List.of("servlet", "reactive", "injector")) {
            images.add(services.at("/" + service + "/image").asText());
        }
        List<String> standIn = new ArrayList<>(List.of(HOME.root().resolve("docker/stand-in-images.sh").toString()));
        standIn.addAll(images);
        Instant started = Instant.now();
        DockerEngine.Outcome stood = DockerEngine.run(standIn, Map.of(), Duration.ofMinutes(20), tmp.resolve("stand-in.log"));
        assertThat(stood.exitCode()).as("docker/stand-in-images.sh %s:%s", images, stood.tail()).isZero();
        System.out.println("[ComposeStackIT] images " + images + " ready in " + elapsed(started) + ":" + stood.tail());

        boolean down = false;
        try {
            started = Instant.now();
            DockerEngine.Outcome up = DockerEngine.run(engine.compose(FILE, "up", "-d", "servlet", "reactive"),
                    environment, Duration.ofMinutes(5), tmp.resolve("up.log"));
            assertThat(up.exitCode()).as("compose up:%s", up.tail()).isZero();
            HttpClient client = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            JsonNode servlet = awaitInfo(client, servletPort, deadline);
            JsonNode reactive = awaitInfo(client, reactivePort, deadline);
            System.out.println("[ComposeStackIT] both apps answered /info " + elapsed(started) + " after up");

            assertThat(servlet.get("app").asText()).isEqualTo("servlet");
            assertThat(reactive.get("app").asText()).isEqualTo("reactive");
            for (JsonNode app : List.of(servlet, reactive)) {
                // cpus: 1.0 on cpuset "0": the JVM sizes itself for one CPU, as ./bench serve --cpus 0 would.
                assertThat(app.get("availableProcessors").asInt()).as("%s availableProcessors", app.get("app")).isEqualTo(1);
            }
            assertThat(servlet.at("/requested/workers").asInt()).isEqualTo(SERVLET_WORKERS);
            assertThat(servlet.at("/requested/threads").asInt()).isEqualTo(SERVLET_THREADS);
            assertThat(servlet.at("/effective/workers").asInt()).isEqualTo(SERVLET_WORKERS);
            assertThat(servlet.at("/effective/threads").asInt()).isEqualTo(SERVLET_THREADS);
            assertThat(servlet.at("/effective/virtualThreads").asBoolean()).isFalse();
            assertThat(reactive.at("/requested/workers").asInt()).isEqualTo(REACTIVE_WORKERS);
            assertThat(reactive.at("/requested/threads").asInt()).isEqualTo(REACTIVE_THREADS);
            assertThat(reactive.at("/effective/workers").asInt()).isEqualTo(REACTIVE_WORKERS);
            assertThat(reactive.at("/effective/threads").asInt()).isEqualTo(REACTIVE_THREADS);

            Map<String, Integer> ports = Map.of("servlet", servletPort, "reactive", reactivePort);
            for (String app : List.of("servlet", "reactive")) {
                Set<Path> before = runFolders(reports);
                long servedBefore = info(client, ports.get(app)).at("/requests/~1json").asLong(0);
                Map<String, String> run = new HashMap<>(environment);
                run.put("TARGET", "http://" + app + ":8080");
                started = Instant.now();
                DockerEngine.Outcome injected = DockerEngine.run(engine.compose(FILE, "run", "--rm", "injector"),
                        run, Duration.ofMinutes(5), tmp.resolve("injector-" + app + ".log"));
                assertThat(injected.exitCode()).as("compose run injector against %s:%s", app, injected.tail()).isZero();
                System.out.println("[ComposeStackIT] injector against " + app + " ran in " + elapsed(started));

                Matcher recorded = RECORDED.matcher(injected.output());
                assertThat(recorded.find()).as("the simulation's summary line:%s", injected.tail()).isTrue();
                long ok = Long.parseLong(recorded.group(2));
                assertThat(ok).as("requests answered ok").isPositive();
                assertThat(Long.parseLong(recorded.group(3))).as("requests failed:%s", injected.tail()).isZero();
                // It was this app the run loaded: its own count of /json grew by at least the run's answers.
                assertThat(info(client, ports.get(app)).at("/requests/~1json").asLong(0) - servedBefore)
                        .as("%s's /json count during the run", app).isGreaterThanOrEqualTo(ok);

                Set<Path> added = runFolders(reports);
                added.removeAll(before);
                assertThat(added).as("new run folders in the results folder").hasSize(1);
                Path folder = added.iterator().next();
                assertThat(folder.getFileName().toString()).startsWith("closedloadsimulation-");
                assertThat(folder.resolve("index.html")).isRegularFile();
                assertThat(folder.resolve("simulation.log")).isRegularFile();
            }

            started = Instant.now();
            // -v: the file's one named volume, the Maven injector's cache, is made by up even
            // though that service did not run; plain down keeps it on purpose (a cache).
            DockerEngine.Outcome stopped = DockerEngine.run(engine.compose(FILE, "down", "--volumes", "--remove-orphans"),
                    environment, Duration.ofMinutes(3), tmp.resolve("down.log"));
            down = true;
            assertThat(stopped.exitCode()).as("compose down:%s", stopped.tail()).isZero();
            System.out.println("[ComposeStackIT] down in " + elapsed(started));
            assertThat(leftovers(project)).as("what the engine holds of project %s after down", project).isEmpty();
        } finally {
            if (!down) {
                DockerEngine.run(engine.compose(FILE, "down", "--volumes", "--remove-orphans"), environment, Duration.ofMinutes(3), null);
            }
        }
    }
}
