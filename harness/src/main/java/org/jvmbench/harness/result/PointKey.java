package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The settings that identify a point: what a comparison matches on, what a table row shows,
 * and the one owner of how a point is named (its id and its labels), so the progress line,
 * the tables and the comparison say the same thing. The server settings are those of
 * {@link ConfigurationKey}; the load is a closed one ({@code concurrency} users) or an open one
 * (requests due at {@code rate} per second, or at {@code rateFraction} of the configuration's
 * own capacity, over {@code concurrency} connections).
 *
 * @param endpoint     the request path with its query, e.g. {@code /io?ms=10}
 * @param concurrency  closed: users, each looping back to back; open: the pool of connections
 * @param rate         open, absolute: requests due per second; null otherwise
 * @param rateFraction open, relative: the share of the configuration's measured capacity; null otherwise
 * @param arm          the sweep entry's own name for the configuration, or null ({@link ConfigurationKey#arm})
 */
public record PointKey(
        String app,
        String engine,
        String jar,
        Integer workers,
        Integer threads,
        boolean virtualThreads,
        int processes,
        Integer minThreads,
        Integer maxConnections,
        Integer acceptCount,
        Integer acceptors,
        String bufferPool,
        Integer elasticThreads,
        // left out when none, so results without the knob are written as they were before it
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer extraCpuMicros,
        boolean aotCache,
        String endpoint,
        int concurrency,
        Double rate,
        Double rateFraction,
        // left out when none: results of unnamed entries are written as they were before names
        @JsonInclude(JsonInclude.Include.NON_NULL) String arm) {

    /** A point of a configuration no entry named. */
    public PointKey(String app, String engine, String jar, Integer workers, Integer threads, boolean virtualThreads,
                    int processes, Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                    String bufferPool, Integer elasticThreads, Integer extraCpuMicros, boolean aotCache, String endpoint,
                    int concurrency, Double rate, Double rateFraction) {
        this(app, engine, jar, workers, threads, virtualThreads, processes, minThreads, maxConnections, acceptCount, acceptors,
                bufferPool, elasticThreads, extraCpuMicros, aotCache, endpoint, concurrency, rate, rateFraction, null);
    }

    /** The closed-model point of {@code configuration} at this concurrency. */
    public static PointKey of(ConfigurationKey configuration, String endpoint, int concurrency) {
        return of(configuration, endpoint, concurrency, null, null);
    }

    /** The point of {@code configuration} at this load: open when a rate or a fraction is given. */
    public static PointKey of(ConfigurationKey c, String endpoint, int concurrency, Double rate, Double rateFraction) {
        return new PointKey(c.app(), c.engine(), c.jar(), c.workers(), c.threads(), c.virtualThreads(), c.processes(),
                c.minThreads(), c.maxConnections(), c.acceptCount(), c.acceptors(), c.bufferPool(), c.elasticThreads(),
                c.extraCpuMicros(), c.aotCache(), endpoint, concurrency, rate, rateFraction, c.arm());
    }

    /** The server part, without the load. */
    public ConfigurationKey configuration() {
        return new ConfigurationKey(app, engine, jar, workers, threads, virtualThreads, processes, minThreads, maxConnections,
                acceptCount, acceptors, bufferPool, elasticThreads, extraCpuMicros, aotCache, arm);
    }

    /** Whether requests arrive on a schedule (open model) rather than back to back. */
    public boolean open() {
        return rate != null || rateFraction != null;
    }

    /**
     * A readable, file-name-safe id, unique within a sweep (repetition excluded), e.g.
     * {@code servlet-p1-w1-t8-json-c64}, {@code reactive-p1-w1-tdef-io_ms_10-cap50-c256}.
     * Results and resume match on it: the form never changes.
     */
    public String id() {
        return configuration().id()
                + "-" + endpoint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
                + (rate != null ? "-rate" + number(rate) : "")
                + (rateFraction != null ? "-cap" + number(rateFraction * 100) : "")
                + "-c" + concurrency;
    }

    /** The execution mode a table shows: platform / virtual threads, or event loop. */
    public String mode() {
        return configuration().mode();
    }

    /** The load as a table shows it: {@code c64}, {@code 500 rps ×256}, {@code 50 % cap ×256}. */
    public String loadLabel() {
        if (rate != null) {
            return number(rate) + " rps ×" + concurrency;
        }
        if (rateFraction != null) {
            return number(rateFraction * 100) + " % cap ×" + concurrency;
        }
        return "c" + concurrency;
    }

    /** A table row's label, whose table is the endpoint's: {@code servlet platform w2 t64 c128}. */
    public String label() {
        return label(EnumSet.of(KeyField.ENDPOINT));
    }

    /**
     * Every setting but those in {@code leftOut}, in one order:
     * {@code servlet platform w2 t64 ×2 proc /io?ms=10 c128}.
     */
    public String label(Set<KeyField> leftOut) {
        StringBuilder s = new StringBuilder(configuration().label(leftOut));
        if (!leftOut.contains(KeyField.ENDPOINT)) {
            s.append(' ').append(endpoint);
        }
        if (!leftOut.contains(KeyField.CONCURRENCY)) {
            s.append(' ').append(loadLabel());
        }
        return s.toString().strip();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
