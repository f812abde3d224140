package org.jvmbench.protocol.phase;

/**
 * How a phase offers its load. On the wire as the constant's name ({@code "CLOSED"},
 * {@code "OPEN"}), as Jackson writes and reads an enum without configuration on every side.
 */
public enum LoadModel {

    /**
     * Like {@code wrk -c N}: {@link PhaseCommand#users()} users, each on its own keep-alive
     * connection, send one request after the other. A slow server slows the load down with it,
     * so a stall barely reaches the percentiles (coordinated omission).
     */
    CLOSED,

    /**
     * Like wrk2: requests are due on a fixed timetable ({@link PhaseCommand#ratePerSecond()})
     * whatever the server does, sent over a pool of {@link PhaseCommand#connections()} keep-alive
     * connections; latency counts from each request's due time, so waiting for a busy server is
     * part of it.
     */
    OPEN
}
