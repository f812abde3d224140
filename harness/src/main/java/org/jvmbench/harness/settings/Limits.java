package org.jvmbench.harness.settings;

/**
 * What a machine allows the servers a spec describes: the memory their JVMs must fit in and the
 * threads one user may run. The machine itself ({@code environment.Machine}) says; a spec only asks.
 */
public interface Limits {

    /** The machine's memory, in bytes. */
    long memoryBytes();

    /** How many threads one user may run. */
    long threadsLimit();
}
