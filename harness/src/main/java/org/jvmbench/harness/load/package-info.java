/**
 * The load generator: the Gatling JVM kept for a whole sweep ({@link org.jvmbench.harness.load.InjectorProcess}),
 * the phases it runs, and the minimal reference server its ceiling is measured against
 * ({@link org.jvmbench.harness.load.ReferenceTarget}).
 * <p>May import: config, process, protocol, result, settings.
 */
package org.jvmbench.harness.load;
