package org.jvmbench.contract;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The apps the contract suite checks, each launched once per test run with its thread knobs
 * set (so /info can be checked against them) and stopped when the whole run ends: every
 * contract class shares the same processes rather than paying for its own startups.
 * Test classes that use them declare {@code @ExtendWith(ContractApps.class)}.
 */
final class ContractApps implements BeforeAllCallback {

    /** One launch of one app jar, with the knobs the contract checks /info against. */
    enum Launch {
        SERVLET_UNDERTOW("contract-servlet-undertow", "servlet-undertow", List.of(),
                List.of("--server.undertow.threads.io=3", "--server.undertow.threads.worker=5")),
        REACTIVE("contract-reactive", "reactive-netty",
                List.of("-Dreactor.netty.ioWorkerCount=3", "-Dreactor.schedulers.defaultPoolSize=2"), List.of());

        final String name;
        final String module;
        final List<String> jvmOptions;
        final List<String> appArguments;

        Launch(String name, String module, List<String> jvmOptions, List<String> appArguments) {
            this.name = name;
            this.module = module;
            this.jvmOptions = jvmOptions;
            this.appArguments = appArguments;
        }
    }

    private static final Http HTTP = new Http();
    private static final Map<Launch, AppProcess> RUNNING = new EnumMap<>(Launch.class);

    /** The running app of {@code launch}; the first call starts all of them, side by side. */
    static synchronized AppProcess app(Launch launch) {
        if (RUNNING.isEmpty()) {
            for (Launch each : Launch.values()) {
                RUNNING.put(each, AppProcess.start(each.name, each.module, each.jvmOptions, each.appArguments));
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
