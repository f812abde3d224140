package org.jvmbench.harness.result;

/**
 * A reason not to trust a point as is. Every flag carries its code and a sentence with the
 * numbers that raised it.
 */
public record Flag(Code code, String reason) {

    public enum Code {
        /** The injector used >= 90 % of its CPUs: the client, not the server, may be the limit. */
        INJECTOR_SATURATED,
        /** More than 0.1 % of requests failed. */
        ERRORS,
        /** Client and server request counts differ by more than 1 %. */
        COUNT_MISMATCH,
        /** A server process exited during the point. */
        SERVER_DIED,
        /** The server stopped making progress, or the point passed its deadline. */
        SERVER_HUNG,
        /** Processes other than server and injector took CPU during the point. */
        NOISY_NEIGHBOUR
    }
}
