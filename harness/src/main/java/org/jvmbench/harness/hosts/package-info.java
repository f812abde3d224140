/**
 * Other machines, reached over SSH (Apache MINA SSHD): {@link org.jvmbench.harness.hosts.HostSessions}
 * logs in with one key and refuses any host key known_hosts does not vouch for;
 * {@link org.jvmbench.harness.hosts.HostConnection} runs short commands and moves files over one
 * session per host, and starts long-running commands ({@link org.jvmbench.harness.hosts.RemoteProcess})
 * each in a session of its own, which they cannot outlive.
 * {@link org.jvmbench.harness.hosts.UploadCache} copies a file to a host once per content,
 * {@link org.jvmbench.harness.hosts.RemoteProcReader} reads a host's {@code /proc} for the sampler,
 * {@link org.jvmbench.harness.hosts.HostClock} measures its clock against the coordinator's.
 * <p>
 * Sits beside server and load: it uses sampling's {@code ProcReader} and server's {@code CpuSet},
 * and nothing below the sweep imports it.
 * <p>May import: config, sampling, settings.
 */
package org.jvmbench.harness.hosts;
