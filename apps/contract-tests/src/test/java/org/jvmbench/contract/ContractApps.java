package org.jvmbench.contract;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvmbench.protocol.info.InfoBody;

/**
 * The apps the contract suite checks: the servlet app on each of its engines and the reactive
 * app, each launched once per test run with its knobs set to values no default has (so /info
 * can be checked against them; the extra CPU per request on one servlet engine and the reactive
 * app, the servlet app's code being the same on every engine) and stopped when the whole run ends. Every contract class
 * shares the same processes rather than paying for its own startups; they declare
 * {@code @ExtendWith(ContractApps.class)}.
 */
final class ContractApps implements BeforeAllCallback {

    /** One launch of one app jar, with its knobs and what /info must say about them. */
    enum Launch {
        SERVLET_UNDERTOW("servlet-undertow", List.of(),
                List.of("--server.undertow.threads.io=3", "--server.undertow.threads.worker=5",
                        "--bench.undertow.buffer-pool=uncached"),
                new InfoBody.Requested(3, 5, null, null, null, null, null, null, "uncached", null),
                new InfoBody.Effective(3, 5, false, false, null, null, null, null, "uncached", 0, null),
                "XNIO-1 task-"),
        SERVLET_TOMCAT("servlet-tomcat", List.of(),
                List.of("--server.tomcat.threads.max=7", "--server.tomcat.threads.min-spare=3",
                        "--server.tomcat.max-connections=1000", "--server.tomcat.accept-count=50",
                        "--bench.extra-cpu-micros=40"),
                new InfoBody.Requested(null, 7, null, null, 3, 1000, 50, null, null, 40),
                new InfoBody.Effective(null, 7, false, false, 3, 1000, 50, null, null, 40, null),
                "-exec-"),
        SERVLET_JETTY("servlet-jetty", List.of(),
                List.of("--server.jetty.threads.selectors=2", "--server.jetty.threads.acceptors=1",
                        "--server.jetty.threads.max=9", "--server.jetty.threads.min=4",
                        "--server.jetty.max-connections=1000"),
                new InfoBody.Requested(2, 9, null, null, 4, 1000, null, 1, null, null),
                new InfoBody.Effective(2, 9, false, false, 4, 1000, null, 1, null, 0, null),
                "qtp"),
        REACTIVE("reactive-netty",
                List.of("-Dreactor.netty.ioWorkerCount=3", "-Dreactor.schedulers.defaultPoolSize=2"),
                List.of("--bench.extra-cpu-micros=40"),
                new InfoBody.Requested(3, 2, null, null, null, null, null, null, null, 40),
                new InfoBody.Effective(3, 2, false, false, null, null, null, null, null, 40, null),
                "reactor-http-"),
        // virtualThreads on the reactive app: the boundedElastic scheduler /io?mode=offload sleeps on.
        REACTIVE_VIRTUAL("reactive-netty",
                List.of("-Dreactor.schedulers.defaultBoundedElasticOnVirtualThreads=true"), List.of(),
                new InfoBody.Requested(null, null, true, null, null, null, null, null, null, null),
                new InfoBody.Effective(Math.max(Runtime.getRuntime().availableProcessors(), 4),
                        Runtime.getRuntime().availableProcessors(), true, false, null, null, null, null, null, 0, null),
                "reactor-http-");

        final String module;
        final List<String> jvmOptions;
        final List<String> appArguments;
        /** /info's requested, exactly. */
        final InfoBody.Requested requested;
        /** /info's effective, but for its detail. */
        final InfoBody.Effective effective;
        /** Part of the name of the thread a handler runs on. */
        final String handlerThread;

        Launch(String module, List<String> jvmOptions, List<String> appArguments, InfoBody.Requested requested,
               InfoBody.Effective effective, String handlerThread) {
            this.module = module;
            this.jvmOptions = jvmOptions;
            this.appArguments = appArguments;
            this.requested = requested;
            this.effective = effective;
            this.handlerThread = handlerThread;
        }

        boolean servlet() {
            return module.startsWith("servlet-");
        }

        /** The engine as /info names it. */
        String engine() {
            return servlet() ? module.substring("servlet-".length()) : "reactor-netty";
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every servlet engine, for {@code @MethodSource}: each is compared with the reactive app. */
    static Stream<Launch> servletEngines() {
        return Stream.of(Launch.values()).filter(Launch::servlet);
    }

    private static final Http HTTP = new Http();
    private static final Map<Launch, AppProcess> RUNNING = new EnumMap<>(Launch.class);

    /** The running app of {@code launch}; the first call starts all of them, side by side. */
    static synchronized AppProcess app(Launch launch) {
        if (RUNNING.isEmpty()) {
            for (Launch each : Launch.values()) {
                RUNNING.put(each, AppProcess.start("contract-" + each.name().toLowerCase(Locale.ROOT), each.module,
                        each.jvmOptions, each.appArguments));
            }
            RUNNING.values().forEach(app -> app.awaitReady(HTTP));
        }
        return RUNNING.get(launch);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Stored in the root context: closed once, after the last test class of the run.
        context.getRoot().getStore(ExtensionContext.Namespace.create(ContractApps.class))
                .getOrComputeIfAbsent(Stopper.class, key -> new Stopper(), Stopper.class);
    }

    // JUnit 5.12 (Spring Boot's BOM) closes a store's CloseableResources when its context ends.
    private static final class Stopper implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            synchronized (ContractApps.class) {
                RUNNING.values().forEach(AppProcess::close);
                RUNNING.clear();
            }
        }
    }
}
