package org.jvmbench.harness.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.config.ProjectHome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The compose file's Maven injector (service injector-maven), checked as far as it can be without
 * Docker or its image (issue 14; ComposeStackIT runs the default injector in real containers):
 * every {@code -D} property and plugin setting it passes is one that the simulation or a plugin
 * of the build actually reads, and, run here against a served app with its results folder
 * pointed at a temporary directory the way the compose file points it at the mounted
 * {@code reports/compose/}, it writes its HTML report there.
 */
class ComposeInjectorIT {

    private static final ProjectHome HOME = ProjectHome.locate();
    private static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");
    /** Maven's own command-line switches the command may use; anything else must be a phase, a module, a profile or a property. */
    private static final Set<String> MAVEN_SWITCHES = Set.of("-B", "-ntp", "-am");
    private static final Set<String> PHASES = Set.of("validate", "compile", "test-compile", "test", "package",
            "integration-test", "verify");

    @TempDir
    Path tmp;

    private static JsonNode injector() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(HOME.root().resolve("docker-compose.yml").toFile())
                .at("/services/injector-maven");
    }

    private static List<String> command() throws IOException {
        List<String> command = new ArrayList<>();
        injector().get("command").forEach(arg -> command.add(arg.asText()));
        return command;
    }

    /** The volume mounting a host folder under reports/: host folder (as written) to container path. */
    private static Map.Entry<String, String> reportsVolume() throws IOException {
        for (JsonNode volume : injector().get("volumes")) {
            // ${REPORTS_DIR:-./reports/compose}: the folder as Compose reads it with the variable unset
            String text = COMPOSE_VARIABLE.matcher(volume.asText()).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
            String[] parts = text.split(":");
            if (parts[0].startsWith("./reports/")) {
                return Map.entry(parts[0], parts[1]);
            }
        }
        throw new AssertionError("the injector mounts no folder under ./reports/");
    }

    private static Map<String, String> properties(List<String> command) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : command) {
            if (arg.startsWith("-D")) {
                int equals = arg.indexOf('=');
                properties.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            }
        }
        return properties;
    }

    // ---- who reads what

    private static Document xml(InputStream in) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    private static Document xml(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return xml(in);
        }
    }

    private static List<Element> children(Node parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getNodeName()).hasSize(1);
        return found.getFirst();
    }

    /** The version the root pom gives a plugin: a property or its pluginManagement entry. */
    private static String pluginVersion(String artifactId) throws Exception {
        Element root = xml(HOME.root().resolve("pom.xml")).getDocumentElement();
        Element properties = child(root, "properties");
        List<Element> byProperty = children(properties, artifactId + ".version");
        if (!byProperty.isEmpty()) {
            return byProperty.getFirst().getTextContent().strip();
        }
        for (Element plugin : children(child(child(child(root, "build"), "pluginManagement"), "plugins"), "plugin")) {
            if (child(plugin, "artifactId").getTextContent().strip().equals(artifactId)) {
                return child(plugin, "version").getTextContent().strip();
            }
        }
        throw new AssertionError("no version for " + artifactId + " in the root pom");
    }

    /** Which user property feeds each parameter of a plugin goal, from the plugin's own descriptor in the local repository. */
    private static Map<String, String> userProperties(String groupId, String artifactId, String goal) throws Exception {
        String version = pluginVersion(artifactId);
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path jar = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".jar");
        assertThat(jar).as("the plugin the build uses, in the local repository").isRegularFile();
        Map<String, String> byProperty = new LinkedHashMap<>();
        try (JarFile plugin = new JarFile(jar.toFile()); InputStream in = plugin.getInputStream(plugin.getEntry("META-INF/maven/plugin.xml"))) {
            for (Element mojo : children(child(xml(in).getDocumentElement(), "mojos"), "mojo")) {
                if (!child(mojo, "goal").getTextContent().strip().equals(goal)) {
                    continue;
                }
                NodeList settings = child(mojo, "configuration").getChildNodes();
                for (int i = 0; i < settings.getLength(); i++) {
                    if (settings.item(i) instanceof Element setting) {
                        Matcher m = PROPERTY_EXPRESSION.matcher(setting.getTextContent());
                        if (m.matches()) {
                            byProperty.put(m.group(1), artifactId + ":" + goal + " parameter " + setting.getTagName());
                        }
                    }
                }
            }
        }
        assertThat(byProperty).as("%s:%s reads user properties", artifactId, goal).isNotEmpty();
        return byProperty;
    }

    /** The gatling-maven-plugin's configuration in loadtests/pom.xml: parameter name to its text. */
    private static Map<String, String> gatlingConfiguration() throws Exception {
        Element root = xml(HOME.root().resolve("loadtests/pom.xml")).getDocumentElement();
        for (Element plugin : children(child(child(root, "build"), "plugins"), "plugin")) {
            if (child(plugin, "artifactId").getTextContent().strip().equals("gatling-maven-plugin")) {
                Map<String, String> configuration = new LinkedHashMap<>();
                NodeList settings = child(plugin, "configuration").getChildNodes();
                for (int i = 0; i < settings.getLength(); i++) {
                    if (settings.item(i) instanceof Element setting) {
                        configuration.put(setting.getTagName(), setting.getTextContent().strip());
                    }
                }
                return configuration;
            }
        }
        throw new AssertionError("loadtests/pom.xml configures no gatling-maven-plugin");
    }

    private static Set<String> loadtestsProfiles() throws Exception {
        Set<String> ids = new HashSet<>();
        Element root = xml(HOME.root().resolve("loadtests/pom.xml")).getDocumentElement();
        for (Element profiles : children(root, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                ids.add(child(profile, "id").getTextContent().strip());
            }
        }
        return ids;
    }

    /** The -D names the simulations read: SimulationParameters' constants, from the built classes. */
    private static Set<String> simulationParameters() throws Exception {
        Path classes = HOME.root().resolve("loadtests/target/classes");
        Set<String> names = new HashSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> parameters = loader.loadClass("org.jvmbench.loadtests.SimulationParameters");
            for (Field field : parameters.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    names.add((String) field.get(null));
                }
            }
        }
        assertThat(names).as("SimulationParameters' names").contains("baseUrls", "users");
        return names;
    }

    @Test
    void everyPropertyAndSettingTheInjectorPassesIsOneTheSimulationOrAPluginReads() throws Exception {
        List<String> command = command();
        Set<String> simulation = simulationParameters();
        Map<String, String> gatlingPlugin = userProperties("io.gatling", "gatling-maven-plugin", "test");
        Map<String, String> surefire = userProperties("org.apache.maven.plugins", "maven-surefire-plugin", "test");
        Map<String, String> failsafe = userProperties("org.apache.maven.plugins", "maven-failsafe-plugin", "integration-test");
        Map<String, String> boundInPom = new LinkedHashMap<>();
        gatlingConfiguration().forEach((parameter, text) -> {
            Matcher m = PROPERTY_EXPRESSION.matcher(text);
            if (m.matches()) {
                boundInPom.put(m.group(1), "loadtests/pom.xml's gatling-maven-plugin <" + parameter + ">");
            }
        });

        assertThat(command.getFirst()).isEqualTo("mvn");
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("-D")) {
                String name = properties(List.of(arg)).keySet().iterator().next();
                List<String> readers = Stream.of(
                                simulation.contains(name) ? "the simulation (SimulationParameters)" : null,
                                gatlingPlugin.get(name), boundInPom.get(name), surefire.get(name), failsafe.get(name))
                        .filter(reader -> reader != null).toList();
                assertThat(readers).as("who reads -D%s", name).isNotEmpty();
            } else if (arg.equals("-pl")) {
                assertThat(HOME.root().resolve(command.get(++i)).resolve("pom.xml")).as("module of -pl").isRegularFile();
            } else if (arg.startsWith("-P")) {
                assertThat(loadtestsProfiles()).as("profiles of loadtests/pom.xml").contains(arg.substring(2));
            } else {
                assertThat(MAVEN_SWITCHES.contains(arg) || PHASES.contains(arg)).as("%s is a Maven switch or phase", arg).isTrue();
            }
        }

        // The plugin setting that decides where reports land: bound in the pom, passed by compose,
        // pointing at the mounted reports folder.
        assertThat(gatlingPlugin).as("the plugin has no user property for resultsFolder").doesNotContainValue(
                "gatling-maven-plugin:test parameter resultsFolder");
        assertThat(boundInPom).containsKey("gatling.resultsFolder");
        assertThat(gatlingConfiguration()).containsEntry("resultsFolder", "${gatling.resultsFolder}");
        assertThat(properties(command)).containsEntry("gatling.resultsFolder", reportsVolume().getValue());
        String simulationClass = properties(command).get("gatling.simulationClass");
        assertThat(HOME.root().resolve("loadtests/target/classes").resolve(simulationClass.replace('.', '/') + ".class"))
                .as("the simulation class").isRegularFile();
    }

    /** An answer to GET /info, or nothing while the app is still starting. */
    private static boolean answers(HttpClient client, int port) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/info"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Set<Path> runFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return new HashSet<>(entries.filter(Files::isDirectory).toList());
        }
    }

    @Test
    void theInjectorsMavenCommandWritesItsHtmlReportIntoTheMountedReportsFolder() throws Exception {
        Map.Entry<String, String> volume = reportsVolume();
        assertThat(Files.readString(HOME.root().resolve("docs/docker-compose.md"))).as("the compose page names the folder")
                .contains(volume.getKey().substring(2) + "/");
        Path reports = Files.createDirectory(tmp.resolve("compose-reports"));
        Path defaultFolder = HOME.root().resolve("loadtests/target/gatling");
        Set<Path> defaultFolderBefore = runFolders(defaultFolder);

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path appLog = tmp.resolve("reactive.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-Dreactor.netty.ioWorkerCount=1",
                "-jar", HOME.appJar("reactive-netty").toString(),
                "--server.port=" + port, "--server.address=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(appLog.toFile()).start();
        Path mavenLog = tmp.resolve("maven.log");
        Process maven = null;
        try {
            HttpClient client = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(90);
            while (!answers(client, port)) {
                assertThat(app.isAlive()).as("the app is running (log %s)", appLog).isTrue();
                assertThat(Instant.now()).as("the app answers /info in time").isBefore(deadline);
                app.waitFor(200, TimeUnit.MILLISECONDS);
            }

            // The compose command with its variables set as a user would, mvn as the wrapper,
            // and the container's mounted results path as a host folder.
            Map<String, String> variables = Map.of("TARGET", "http://127.0.0.1:" + port, "CONCURRENCY", "4", "DURATION", "3");
            List<String> command = new ArrayList<>();
            for (String arg : command()) {
                Matcher m = COMPOSE_VARIABLE.matcher(arg);
                String expanded = m.replaceAll(match -> Matcher.quoteReplacement(variables.getOrDefault(match.group(1), match.group(2))));
                command.add(expanded.replace("=" + volume.getValue(), "=" + reports));
            }
            command.set(0, HOME.root().resolve("mvnw").toString());
            assertThat(command).contains("-Dusers=4", "-Dduration=3").anyMatch(arg -> arg.endsWith("=" + reports));

            ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.root().toFile())
                    .redirectErrorStream(true).redirectOutput(mavenLog.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            maven = builder.start();
            boolean ended = maven.waitFor(6, TimeUnit.MINUTES);
            assertThat(ended).as("the Maven command ended in time:%s", tail(mavenLog)).isTrue();
            assertThat(maven.exitValue()).as("the Maven command's exit code:%s", tail(mavenLog)).isZero();
        } finally {
            if (maven != null) {
                stop(maven);
            }
            stop(app);
        }

        Set<Path> runs = runFolders(reports);
        assertThat(runs).as("run folders in the mounted reports folder").hasSize(1);
        Path run = runs.iterator().next();
        assertThat(run.getFileName().toString()).startsWith("closedloadsimulation-");
        assertThat(run.resolve("index.html")).isRegularFile();
        assertThat(runFolders(defaultFolder)).as("nothing new in the plugin's default folder").isEqualTo(defaultFolderBefore);
    }
}
