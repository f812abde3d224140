/**
 * What serving the load cost: {@link org.jvmbench.harness.sampling.ProcReader} reads
 * {@code /proc}, {@link org.jvmbench.harness.sampling.Sampler} records timestamped samples on a
 * daemon thread, and {@link org.jvmbench.harness.sampling.WindowUsage#of} turns the samples of a
 * point's measured window into its {@code ResourceUsage} and {@code Series}.
 * {@link org.jvmbench.harness.sampling.SamplesCsv} keeps the raw samples beside the point.
 * <p>May import: config, result, settings.
 */
package org.jvmbench.harness.sampling;
