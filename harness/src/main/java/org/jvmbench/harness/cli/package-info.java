/**
 * The command line: picocli commands that parse arguments into plans, jobs and report requests
 * and print one line for bad input; they hold no logic of their own ({@link org.jvmbench.harness.cli.BenchMain}
 * is {@code ./bench}).
 * <p>May import: config, environment, plan, profile, report, result, server, settings, sweep.
 */
package org.jvmbench.harness.cli;
