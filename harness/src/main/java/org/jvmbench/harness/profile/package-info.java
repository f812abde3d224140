/**
 * Flame graphs: async-profiler attached to a server JVM for a point or a whole {@code serve}
 * ({@link org.jvmbench.harness.profile.Profiler}).
 * <p>May import: process, settings.
 */
package org.jvmbench.harness.profile;
