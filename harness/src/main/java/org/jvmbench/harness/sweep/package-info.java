/**
 * Running a plan: the sweep's calibration, the injector's ceiling, every fork started, warmed
 * until settled and measured, sequentially ({@link org.jvmbench.harness.sweep.ForkExecution}) or in
 * paired rounds ({@link org.jvmbench.harness.sweep.PairedExecution}), each point written as it completes
 * ({@link org.jvmbench.harness.sweep.SweepRunner}); and the jobs the commands start.
 * <p>May import: config, environment, load, placement, plan, process, profile, protocol, report, result,
 * sampling, server, settings, stats, trust.
 */
package org.jvmbench.harness.sweep;
