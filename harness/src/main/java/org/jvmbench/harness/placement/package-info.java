/**
 * Where a sweep's processes run: on this machine, or the server JVMs on a host of their own
 * and one injector on each injector host, over SSH ({@link org.jvmbench.harness.placement.HostsPlacement}).
 *
 * <p>The sweep asks a {@link org.jvmbench.harness.placement.Placement} for the server launcher,
 * the {@code /proc} of the servers' machine and the injector; nothing else in the sweep knows
 * how many machines there are. On hosts:
 * <ul>
 *   <li>every host is connected and checked before a run folder exists (key, CPUs, java,
 *       taskset, clock), and a refusal is one line with exit 2;</li>
 *   <li>the server runs the command line the harness builds locally, through
 *       {@code server.ServerSite}, as a {@link java.lang.Process} whose life is its SSH
 *       session's ({@code RemoteServerProcess});</li>
 *   <li>the injectors run as one {@link org.jvmbench.harness.load.Injector}
 *       ({@code InjectorGroup}): each phase split (the load is a total), a start barrier, and
 *       one exact merge of their results ({@code PhaseMerge}), each injector's own part kept
 *       beside it ({@link org.jvmbench.harness.result.InjectorShare}).</li>
 * </ul>
 * Depends on {@code hosts} (SSH), {@code server}, {@code load}, {@code plan}, {@code result},
 * {@code sampling} and {@code environment}; only {@code sweep} depends on it.
 * <p>May import: config, environment, hosts, load, plan, protocol, result, sampling, server, settings.
 */
package org.jvmbench.harness.placement;
