package org.jvmbench.harness.sampling;

import java.util.Optional;

/**
 * What the sampler needs from {@code /proc}. Behind an interface so tests feed fixture files
 * (or plain values) instead of the live machine.
 */
public interface ProcReader {

    /**
     * Reads one process, or empty when it is gone (exited, reaped or a zombie). A process
     * that disappears between two files of the same reading is also reported as gone, never
     * as an exception.
     */
    Optional<ProcessReading> process(long pid);

    /** Reads the machine-wide CPU counters; fails with {@link java.io.UncheckedIOException} if it cannot. */
    MachineReading machine();

    default boolean alive(long pid) {
        return process(pid).isPresent();
    }
}
