package org.jvmbench.harness.compose;

import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.load.InjectorProcess;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.server.ServerCommandLine;
import org.jvmbench.harness.settings.ServerSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked without a Docker engine (ComposeStackIT runs the file in one): the file
 * parses, its services are the two apps and the injector two ways, every knob it sets is one the
 * harness itself uses, and its ports and volumes agree with docs/docker-compose.md.
 */
class DockerComposeFileTest {

    private static final ProjectHome HOME = ProjectHome.locate();

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(HOME.root().resolve("docker-compose.yml").toFile());
    }

    /** {@code ${VAR:-default}} replaced by its default, as Compose reads it with VAR unset. */
    private static String withDefaults(String text) {
        return Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static List<String> command(String service) throws IOException {
        List<String> command = new ArrayList<>();
        compose().at("/services/" + service + "/command").forEach(arg -> command.add(arg.asText()));
        return command;
    }

    /** The compose file's page (docs/docker-compose.md, linked from the README). */
    private static String readme() throws IOException {
        return Files.readString(HOME.root().resolve("docs/docker-compose.md"));
    }

    /** A command line of the harness with every knob set, to compare the compose file against. */
    private static List<String> harnessCommand(App app) {
        ServerSpec all = ServerSpec.of(app).workers(2).threads(3).virtualThreads(app == App.SERVLET).bind("127.0.0.1")
                .port(8080).heap(HeapSize.parse("512m")).gc(Gc.G1).build();
        return ServerCommandLine.of(all, 0, "java", Path.of("app.jar"));
    }

    @Test
    void servesBothAppsAndAnInjectorEachOnItsOwnCpus() throws IOException {
        JsonNode services = compose().get("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("servlet", "reactive", "injector", "injector-maven");
        for (String injector : List.of("injector", "injector-maven")) {
            assertThat(services.at("/servlet/cpuset").asText()).isNotEqualTo(services.at("/" + injector + "/cpuset").asText());
            assertThat(services.at("/reactive/cpuset").asText()).isNotEqualTo(services.at("/" + injector + "/cpuset").asText());
        }
        for (String app : List.of("servlet", "reactive")) {
            assertThat(services.at("/" + app + "/healthcheck/test").toString()).contains("/info");
        }
        assertThat(services.at("/injector/depends_on/servlet/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void mountsTheJarsTheHarnessBuilds() throws IOException {
        JsonNode services = compose().get("services");
        for (App app : App.values()) {
            String jar = HOME.root().relativize(HOME.appJar(app.module())).toString();
            assertThat(services.get(app.id()).get("volumes").toString()).contains("./" + jar + ":");
            assertThat(services.get(app.id()).get("command").toString()).contains(HOME.appJar(app.module()).getFileName().toString());
        }
    }

    @Test
    void everyServletKnobIsASpringPropertyTheHarnessSets() throws IOException {
        JsonNode environment = compose().at("/services/servlet/environment");
        List<String> harness = harnessCommand(App.SERVLET);
        List<String> keys = new ArrayList<>();
        environment.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            // Spring Boot's relaxed binding: SERVER_UNDERTOW_THREADS_IO is server.undertow.threads.io
            String property = key.toLowerCase(Locale.ROOT).replace('_', '.');
            assertThat(harness).as("%s (%s) is a knob of ./bench serve", key, property).anyMatch(a -> a.startsWith("--" + property + "="));
        }
    }

    @Test
    void everyReactiveKnobIsASystemPropertyTheHarnessSets() throws IOException {
        String options = compose().at("/services/reactive/environment/JAVA_TOOL_OPTIONS").asText();
        List<String> harness = harnessCommand(App.REACTIVE);
        Matcher m = Pattern.compile("-D([^=\\s]+)=").matcher(options);
        int found = 0;
        while (m.find()) {
            String property = m.group(1);
            assertThat(harness).as("-D%s is a knob of ./bench serve", property).anyMatch(a -> a.startsWith("-D" + property + "="));
            found++;
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theInjectorPassesOnlyParametersTheSimulationReads() throws IOException {
        String loadReadme = Files.readString(HOME.root().resolve("loadtests/README.md"));
        for (String injector : List.of("injector", "injector-maven")) {
            String command = compose().at("/services/" + injector + "/command").toString();
            Matcher m = Pattern.compile("-D([A-Za-z.]+)=").matcher(command);
            while (m.find()) {
                String property = m.group(1);
                if (!property.startsWith("gatling.") && !property.startsWith("logback.")) {
                    assertThat(loadReadme).as("-D%s is a documented simulation parameter", property).contains("| `" + property + "`");
                }
            }
            assertThat(command).contains("org.jvmbench.loadtests.ClosedLoadSimulation");
        }
        assertThat(HOME.root().resolve("loadtests/src/main/java/org/jvmbench/loadtests/ClosedLoadSimulation.java")).exists();
    }

    @Test
    void theInjectorRunsGatlingWithTheHarnesssJvmOptionsFromTheMountedBuildWithoutMaven() throws IOException {
        List<String> command = command("injector");
        assertThat(command.getFirst()).isEqualTo("java");
        assertThat(command).containsSequence(InjectorProcess.jvmOptions(Defaults.INJECTOR_HEAP))
                .contains("-Dlogback.configurationFile=injector-logback.xml", "io.gatling.app.Gatling")
                .doesNotContain("mvn");
        assertThat(HOME.root().resolve("loadtests/src/main/resources/injector-logback.xml")).isRegularFile();

        // Every classpath entry is a folder the service mounts from loadtests/target, which the build fills.
        String classpath = command.get(command.indexOf("-cp") + 1);
        List<String> volumes = new ArrayList<>();
        compose().at("/services/injector/volumes").forEach(volume -> volumes.add(withDefaults(volume.asText())));
        for (String entry : classpath.split(":")) {
            String mounted = entry.endsWith("/*") ? entry.substring(0, entry.length() - 2) : entry;
            String hostFolder = volumes.stream().filter(v -> v.split(":")[1].equals(mounted)).map(v -> v.split(":")[0])
                    .findFirst().orElseThrow(() -> new AssertionError(mounted + " is not mounted: " + volumes));
            assertThat(hostFolder).startsWith("./loadtests/target/");
        }
        String pom = Files.readString(HOME.root().resolve("loadtests/pom.xml"));
        assertThat(pom).as("loadtests/pom.xml copies the runtime jars to target/lib")
                .contains("<goal>copy-dependencies</goal>").contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        assertThat(volumes).as("the jars").contains("./loadtests/target/lib:/loadtests/lib:ro");
    }

    @Test
    void portsAndResultsFolderAreTheOnesTheReadmeNames() throws IOException {
        JsonNode services = compose().get("services");
        String readme = readme();
        for (String app : List.of("servlet", "reactive")) {
            String hostPort = withDefaults(services.at("/" + app + "/ports/0").asText()).split(":")[0];
            assertThat(readme).contains("http://localhost:" + hostPort + "/info");
        }
        for (String injector : List.of("injector", "injector-maven")) {
            String results = withDefaults(services.at("/" + injector + "/volumes").toString());
            Matcher m = Pattern.compile("\\./(reports/[a-z]+):/results").matcher(results);
            assertThat(m.find()).as("%s mounts a folder under reports/ on /results", injector).isTrue();
            assertThat(readme).contains(m.group(1) + "/");
        }
    }
}
