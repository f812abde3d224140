/**
 * Plans: what a sweep file asks for, checked once, and what it expands to.
 *
 * <p>One schema. The records {@link org.jvmbench.harness.plan.Sweep},
 * {@link org.jvmbench.harness.plan.ServerEntry}, {@link org.jvmbench.harness.plan.Load} and
 * {@link org.jvmbench.harness.plan.CpuPinning} are the keys of a sweep file, in its order;
 * {@code SweepJson} binds YAML and JSON to them with one Jackson configuration and writes
 * them back, so a sweep file, a run folder's {@code sweep.json} and the reports all go
 * through the same records.
 *
 * <p>Reading a file ({@link org.jvmbench.harness.plan.SweepReader}) is three steps, each rule
 * in one place:
 * <ol>
 *   <li><b>syntax</b>: Jackson's, with the line of a YAML or JSON error;</li>
 *   <li><b>values and records</b>: a typed parser per value type ({@code SweepValues}:
 *       durations, heap sizes, CPU lists, thread counts with {@code default}, apps,
 *       collectors), every list an axis that also takes a single value ({@code ListOf}),
 *       unknown keys refused, and each record's own rules in its constructor
 *       ({@link org.jvmbench.harness.plan.SettingException});</li>
 *   <li><b>rules across keys, and against the machine</b> ({@code SweepRules}): defaults
 *       only the file or machine can give (name, question, CPU halves, an entry's load from
 *       the top level), starvation only for servlet, duplicate configurations and point
 *       ids, and every configuration's {@link org.jvmbench.harness.settings.ServerSpec} (which
 *       owns the server settings' rules, for {@code ./bench serve} too) fitting the
 *       {@link org.jvmbench.harness.environment.Machine}'s memory, threads and open files.</li>
 * </ol>
 * Every failure is one line, {@code <file>: <place>: <problem>}, the place as the user wrote
 * it ({@code servers[1].threads[0]}, or {@code servers[1].threads} for a value given alone).
 *
 * <p>Adding a setting is a component and its rule:
 * <ul>
 *   <li>a sweep-wide setting ({@code profile: cpu}): a component of {@code Sweep} with its
 *       default from {@link org.jvmbench.harness.config.Defaults} in the constructor; a new
 *       value type registers its parser in {@code SweepJson}'s table; a structured one
 *       ({@code slo: {percentile: 99, latency: 50ms}}) is a record of its own whose
 *       constructor holds its rules, listed in {@code SweepJson}'s mappings;</li>
 *   <li>a tuning knob of an engine or of our apps ({@code acceptCount}, {@code extraCpuMicros}): a row of
 *       {@link org.jvmbench.harness.settings.Knob}'s table and a line in {@code Engine}'s; the entry's key,
 *       the axis, the rules, the command line, the read-back and the result keys follow from them;</li>
 *   <li>a structural server setting ({@code engine}, {@code aotCache}): a component of
 *       {@code ServerEntry} (a list is an axis by itself), of {@code ServerSpec} with its rule
 *       and a {@link org.jvmbench.harness.settings.Knob}, a loop in
 *       {@code Plan.configurations}; when it names a point, a
 *       component of {@link org.jvmbench.harness.result.ConfigurationKey} and a
 *       {@link org.jvmbench.harness.result.KeyField};</li>
 *   <li>a load setting ({@code rates}, {@code connections}): a component of {@code Load},
 *       its rules (one of concurrency or rates) in its constructor.</li>
 * </ul>
 * <p>A plan is a description: it holds values ({@code settings}, {@code result}'s keys), checked
 * against the machine's limits, and starts nothing; the sweep turns it into processes.
 * <p>May import: config, environment, result, settings, trust.
 */
package org.jvmbench.harness.plan;
