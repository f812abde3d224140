/**
 * The servers under test: one configuration's settings and their rules ({@link org.jvmbench.harness.settings.ServerSpec},
 * {@link org.jvmbench.harness.settings.Knob}), its command line, its JVMs started, probed and read back
 * ({@link org.jvmbench.harness.server.ServerLauncher}, {@link org.jvmbench.harness.server.RunningServer}).
 * <p>May import: config, environment, process, profile, protocol, result, settings.
 */
package org.jvmbench.harness.server;
