package org.jvmbench.harness.result;

/**
 * A reason not to trust a point as is. Every flag carries its code and a sentence with the
 * numbers that raised it.
 */
public record Flag(Code code, String reason) {

    /** In the order a point lists them: the load's limits first, the server's faults, then steadiness, then the machine. */
    public enum Code {
        /** The injector was at its CPU limit for part of the window: the client, not the server, may be the limit. */
        INJECTOR_SATURATED,
        /** The point came within a stated share of what the same injector reaches against a minimal server. */
        INJECTOR_BOUND,
        /** Open load: the injector sent more than a stated share of requests late, so the offered rate was not the rate kept. */
        INJECTOR_LATE,
        /** Several injector hosts: one of them failed during the point, so the load was less than its total. */
        INJECTOR_FAILED,
        /** Several injector hosts: their first requests spread over more than a stated share of the duration. */
        INJECTORS_STAGGERED,
        /** More than 0.1 % of requests failed. */
        ERRORS,
        /** Client and server request counts differ by more than 1 %. */
        COUNT_MISMATCH,
        /** A server process exited during the point. */
        SERVER_DIED,
        /** The server stopped making progress, or the point passed its deadline. */
        SERVER_HUNG,
        /** Whole seconds with no completed request while requests were outstanding. */
        STALLED,
        /** The server logged a fatal error (OutOfMemoryError and the like) during the point. */
        FATAL_LOG,
        /** The warm-up before the point reached its cap without the server settling. */
        NOT_STEADY,
        /** The warm-up before the point ended without the server's JIT time, which it reports: its counters did not answer. */
        JIT_UNKNOWN,
        /** The point's own window still drifted, or the JIT still compiled inside it. */
        UNSTEADY,
        /** Processes other than server and injector took CPU on the server's or the injector's CPUs. */
        NOISY_NEIGHBOUR,
        /** The hypervisor took CPU time from the server's or the injector's CPUs (steal). */
        CPU_STEAL,
        /** A profiler was attached to the server during the point: its numbers carry the profiler's cost. */
        PROFILED,
        /** Paired design: the arms not under load used more than a stated share of the server's CPUs during a slice. */
        PARKED_BUSY
    }
}
