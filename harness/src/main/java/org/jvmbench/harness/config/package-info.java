/**
 * The one home of every default, bound and estimate ({@link org.jvmbench.harness.config.Defaults}),
 * the exit codes, and where the project lives ({@link org.jvmbench.harness.config.ProjectHome}).
 * <p>May import: nothing of the harness.
 */
package org.jvmbench.harness.config;
