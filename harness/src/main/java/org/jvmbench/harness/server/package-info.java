/**
 * The servers under test: one configuration's settings and their rules ({@link org.jvmbench.harness.server.ServerSpec},
 * {@link org.jvmbench.harness.server.Knob}), its command line, its JVMs started, probed and read back
 * ({@link org.jvmbench.harness.server.ServerLauncher}, {@link org.jvmbench.harness.server.RunningServer}).
 * <p>May import: config, environment, process, profile, protocol, result.
 */
package org.jvmbench.harness.server;
