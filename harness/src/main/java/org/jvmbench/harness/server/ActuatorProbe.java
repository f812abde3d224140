package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jvmbench.protocol.info.JvmCounters;

/**
 * A user's own Spring Boot jar, which has no {@code /info}: ready when its readiness path
 * answers 200, and read through Spring Boot Actuator's {@code /actuator/metrics} (Micrometer's
 * names, as Spring Boot 3.5 registers them) where the jar exposes it:
 * <ul>
 *   <li>the engine's thread settings: {@code tomcat.threads.config.max} (which Tomcat reports
 *       only with {@code server.tomcat.mbeanregistry.enabled=true}), {@code tomcat.connections.config.max},
 *       {@code jetty.threads.config.max} and {@code .min} (none on Jetty's virtual-thread pool);
 *       Undertow and Reactor Netty report none, and no engine reports its IO threads;</li>
 *   <li>requests per endpoint: {@code http.server.requests} tagged with the endpoint's path
 *       ({@code uri}), its {@code COUNT} over every method, status and outcome;</li>
 *   <li>the JVM: {@code jvm.compilation.time} (the JIT, the same CompilationMXBean figure our
 *       apps report), {@code jvm.gc.pause} (pauses only, summed over collectors: our apps report
 *       the collectors' own times), {@code jvm.threads.live} and {@code process.start.time}.</li>
 * </ul>
 * Anything not exposed is unknown, and said so where it is shown; never a number in its place.
 */
final class ActuatorProbe implements ServerProbe {

    /** An HTTP GET, apart so tests can answer with recorded Actuator bodies. */
    @FunctionalInterface
    interface Http {
        Answer get(URI uri, Duration timeout) throws IOException, InterruptedException;
    }

    /** An answer's status and body. */
    record Answer(int status, String body) {
    }

    static final String METRICS = "/actuator/metrics";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String readiness;
    private final Http http;

    ActuatorProbe(String readiness) {
        this(readiness, realHttp());
    }

    ActuatorProbe(String readiness, Http http) {
        this.readiness = readiness;
        this.http = http;
    }

    private static Http realHttp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return (uri, timeout) -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        };
    }

    @Override
    public String readinessPath() {
        return readiness;
    }

    @Override
    public ServerReading ready(URI base, Duration timeout) throws NotReady, InterruptedException {
        Answer answer;
        try {
            answer = http.get(base.resolve(readiness), timeout);
        } catch (IOException refused) {
            throw new NotReady("no answer on " + readiness, 0);
        }
        if (answer.status() != 200) {
            throw new NotReady(readiness + " answered " + answer.status(), answer.status());
        }
        try {
            return read(base, List.of(), timeout);
        } catch (IOException e) {
            // ready, but its metrics could not be read this time: nothing is known of it yet
            return new ServerReading(null, null, Map.of(), "Actuator's metrics did not answer: " + e.getMessage());
        }
    }

    @Override
    public ServerReading read(URI base, List<String> endpoints, Duration timeout) throws IOException, InterruptedException {
        Metrics metrics = metrics(base, timeout);
        if (metrics.names == null) {
            return new ServerReading(null, null, Map.of(), metrics.why);
        }
        JvmCounters counters = new JvmCounters(
                metrics.value("process.start.time", "VALUE").stream().mapToLong(s -> Math.round(s * 1000)).findFirst().orElse(0),
                metrics.value("jvm.compilation.time", "COUNT").stream().mapToLong(Math::round).findFirst().orElse(-1),
                collectors(metrics), null,
                (int) metrics.value("jvm.threads.live", "VALUE").orElse(0));
        if (!metrics.names.contains("http.server.requests")) {
            return new ServerReading(null, counters, Map.of(), "the jar records no http.server.requests in Actuator");
        }
        Map<String, Long> requests = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            // the uri tag is the route's path; a path no request has reached yet is absent (404)
            metrics.value("http.server.requests?tag=" + URLEncoder.encode("uri:" + path(endpoint), StandardCharsets.UTF_8), "COUNT")
                    .ifPresent(count -> requests.put(endpoint, Math.round(count)));
        }
        return new ServerReading(null, counters, requests, null);
    }

    /** GC pauses of all collectors as one: Micrometer times pauses, not each collector's own total. */
    private static List<JvmCounters.Collector> collectors(Metrics metrics) throws IOException, InterruptedException {
        if (!metrics.names.contains("jvm.gc.pause")) {
            // registered at the first pause; with the GC metrics bound, absent means none yet
            return metrics.names.stream().anyMatch(n -> n.startsWith("jvm.gc.")) ? List.of(new JvmCounters.Collector(GC_PAUSES, 0, 0)) : null;
        }
        long count = Math.round(metrics.value("jvm.gc.pause", "COUNT").orElse(0));
        long ms = Math.round(metrics.value("jvm.gc.pause", "TOTAL_TIME").orElse(0) * 1000);
        return List.of(new JvmCounters.Collector(GC_PAUSES, count, ms));
    }

    private static final String GC_PAUSES = "jvm.gc.pause (all collectors, pauses only)";

    @Override
    public ReadBack readBack(ServerSpec spec, ServerReading first, URI base, Duration timeout) throws IOException, InterruptedException {
        Metrics metrics = metrics(base, timeout);
        Engine engine = spec.engine();
        List<ReadBack.Item> items = new ArrayList<>();
        String detected = metrics.names == null ? null : detectedEngine(metrics.names);
        items.add(detected == null
                ? ReadBack.notRead(Knob.ENGINE, "web server", engine.infoName(), metrics.names == null ? metrics.why
                        : "its Actuator metrics do not name the engine")
                : ReadBack.read(Knob.ENGINE, "web server", engine.infoName(), detected, "Actuator metric names"));
        for (Knob knob : engine.knobs()) {
            if (engine.binding(knob).ours()) {
                continue; // switches of our apps, which a user's jar does not have
            }
            String asked = ReadBack.asked(spec, knob);
            String description = engine.describe(knob);
            String metric = engine.binding(knob).metric();
            if (metrics.names == null) {
                items.add(ReadBack.notRead(knob, description, asked, metrics.why));
            } else if (metric == null) {
                items.add(ReadBack.notRead(knob, description, asked, "Actuator has no metric for " + description));
            } else if (!metrics.names.contains(metric)) {
                items.add(ReadBack.notRead(knob, description, asked, missing(engine, metric, spec.virtualThreads())));
            } else {
                OptionalDouble value = metrics.value(metric, "VALUE");
                // Tomcat reports -1 where its pool is not its own (a virtual thread per request): no pool
                String effective = value.isEmpty() || value.getAsDouble() < 0 ? null : ReadBack.text(value.getAsDouble());
                items.add(ReadBack.read(knob, description, asked, effective, "Actuator " + metric));
            }
        }
        return new ReadBack(items);
    }

    private static String missing(Engine engine, String metric, boolean virtualThreads) {
        if (engine == Engine.TOMCAT && metric.startsWith("tomcat.threads.")) {
            return "Actuator has no " + metric + ": Tomcat reports it only with server.tomcat.mbeanregistry.enabled=true in the app";
        }
        if (engine == Engine.JETTY && virtualThreads) {
            return "Jetty's virtual-thread pool reports no " + metric;
        }
        return "Actuator has no " + metric;
    }

    /** Tomcat and Jetty register meters under their names; Undertow and Reactor Netty (by default) none. */
    private static String detectedEngine(Set<String> names) {
        Set<String> engines = new LinkedHashSet<>();
        for (String name : names) {
            if (name.startsWith("tomcat.")) {
                engines.add(Engine.TOMCAT.infoName());
            } else if (name.startsWith("jetty.")) {
                engines.add(Engine.JETTY.infoName());
            } else if (name.startsWith("reactor.netty.")) {
                engines.add(Engine.NETTY.infoName());
            }
        }
        return engines.size() == 1 ? engines.iterator().next() : null;
    }

    /** An endpoint's path: Actuator's uri tag has no query. */
    static String path(String endpoint) {
        int q = endpoint.indexOf('?');
        return q < 0 ? endpoint : endpoint.substring(0, q);
    }

    private Metrics metrics(URI base, Duration timeout) throws IOException, InterruptedException {
        Answer answer = http.get(base.resolve(METRICS), timeout);
        if (answer.status() != 200) {
            return new Metrics(base, timeout, null, "the jar exposes no Actuator metrics (" + METRICS + " answered " + answer.status()
                    + "; management.endpoints.web.exposure.include=health,metrics exposes them)");
        }
        Set<String> names = new LinkedHashSet<>();
        JSON.readTree(answer.body()).path("names").forEach(n -> names.add(n.asText()));
        return new Metrics(base, timeout, names, null);
    }

    /** The meters a jar exposes, and their values on demand. */
    private final class Metrics {
        final URI base;
        final Duration timeout;
        final Set<String> names;
        final String why;

        Metrics(URI base, Duration timeout, Set<String> names, String why) {
            this.base = base;
            this.timeout = timeout;
            this.names = names;
            this.why = why;
        }

        /** A statistic of a meter (query and all), or empty when the meter or the statistic is not there. */
        OptionalDouble value(String meter, String statistic) throws IOException, InterruptedException {
            String name = meter.contains("?") ? meter.substring(0, meter.indexOf('?')) : meter;
            if (!names.contains(name)) {
                return OptionalDouble.empty();
            }
            Answer answer = http.get(URI.create(base + METRICS + "/" + meter), timeout);
            if (answer.status() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode m : JSON.readTree(answer.body()).path("measurements")) {
                if (statistic.equals(m.path("statistic").asText())) {
                    return OptionalDouble.of(m.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        }
    }
}
