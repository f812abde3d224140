package org.jvmbench.common;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.Map;

/**
 * The {@code /info} body, which the harness parses and stores with every result: what the
 * app was asked to run with ({@code requested}) beside what its engine actually runs
 * ({@code effective}), so a knob that silently did nothing shows up as a mismatch.
 */
public record InfoBody(String app, String engine, Versions versions, long pid, Jvm jvm,
                       int availableProcessors, Requested requested, Effective effective,
                       Map<String, Long> requests, long uptimeMs) {

    public record Versions(String springBoot, String engine, String java) {
    }

    public record Jvm(String version, String vendor, List<String> inputArguments) {
    }

    /** The knobs as configured; {@code null} where the launch did not set one. */
    public record Requested(Integer workers, Integer threads, Boolean virtualThreads, Boolean starvation) {
    }

    /**
     * The knobs as read from the running engine. {@code detail} holds engine-specific
     * readings under their engine's own names, in a stable order.
     */
    public record Effective(int workers, int threads, boolean virtualThreads, boolean starvation,
                            Map<String, Object> detail) {
    }

    /** Fills in the JVM and process facts, which are the same for both apps. */
    public static InfoBody of(String app, String engine, String springBootVersion, String engineVersion,
                              Requested requested, Effective effective, RequestCounters counters) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        return new InfoBody(app, engine,
                new Versions(springBootVersion, engineVersion, System.getProperty("java.version")),
                ProcessHandle.current().pid(),
                new Jvm(runtime.getVmVersion(), runtime.getVmVendor(), List.copyOf(runtime.getInputArguments())),
                Runtime.getRuntime().availableProcessors(),
                requested, effective, counters.snapshot(), runtime.getUptime());
    }
}
