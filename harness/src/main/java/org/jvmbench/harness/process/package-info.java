/**
 * Child processes and their end: every process the harness starts dies with it
 * ({@link org.jvmbench.harness.process.ChildProcesses}), leftovers of a killed harness are found by pid and
 * start time ({@link org.jvmbench.harness.process.Leftovers}), and signals are handled in one place.
 * <p>May import: nothing of the harness.
 */
package org.jvmbench.harness.process;
