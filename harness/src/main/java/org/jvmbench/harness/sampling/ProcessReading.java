package org.jvmbench.harness.sampling;

/**
 * One reading of a live process. Counters are cumulative since the process started; rates
 * come from the difference of two readings.
 *
 * @param pid         the process id
 * @param cpuNanos    user + system CPU time of all its threads, dead ones included, children excluded
 * @param rssBytes    resident set size ({@code VmRSS})
 * @param pssBytes    proportional set size ({@code Pss} of {@code smaps_rollup}), or null when unreadable
 * @param threads     live threads
 * @param allowedCpus CPUs the process may run on ({@code Cpus_allowed_list}): its ceiling when pinned
 */
public record ProcessReading(long pid, long cpuNanos, long rssBytes, Long pssBytes, int threads, int allowedCpus) {
}
