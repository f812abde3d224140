/**
 * What a server can be set to: the apps and engines ({@link org.jvmbench.harness.settings.App},
 * {@link org.jvmbench.harness.settings.Engine}), the table of knobs ({@link org.jvmbench.harness.settings.Knob},
 * which engine has which in {@code Engine}'s), a configuration's tuning knobs as one value
 * ({@link org.jvmbench.harness.settings.Tuning}) and the error that names a knob. The plan, the server
 * launcher, the result keys and the reports all read the knobs from here.
 * <p>May import: config, protocol.
 */
package org.jvmbench.harness.settings;
