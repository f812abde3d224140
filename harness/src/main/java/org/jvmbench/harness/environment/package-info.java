/**
 * The machine a sweep runs on, as a record ({@link org.jvmbench.harness.environment.Environment}),
 * as limits a plan must fit ({@link org.jvmbench.harness.environment.Machine}), as a speed
 * ({@link org.jvmbench.harness.environment.Calibration}), and what it measured before
 * ({@link org.jvmbench.harness.environment.MachineCache}).
 * <p>May import: config, process, profile, protocol, result, settings.
 */
package org.jvmbench.harness.environment;
