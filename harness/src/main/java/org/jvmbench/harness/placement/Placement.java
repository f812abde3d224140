package org.jvmbench.harness.placement;

import java.io.IOException;
import java.nio.file.Path;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.server.ServerLauncher;

/**
 * Where a sweep's processes run: all on this machine ({@link #local}), or the server on one host
 * and the injectors on others, over SSH ({@link HostsPlacement}). The sweep asks it for what it
 * used to make itself: the launcher, the {@code /proc} of the server's machine, the injector.
 */
public interface Placement extends AutoCloseable {

    /** The server JVMs' launcher. */
    ServerLauncher launcher();

    /** {@code /proc} of the machine the servers run on. */
    ProcReader proc();

    /** The injector of the sweep: one local JVM, or all injector hosts as one. */
    Injector startInjector(ProjectHome home, Sweep sweep, RunFolder folder) throws IOException;

    /**
     * The CPU calibration on the servers' CPUs, on the machine they run on; its console appended
     * to {@code dir}'s {@link Calibration#LOG}.
     */
    Calibration.Figure calibrate(ProjectHome home, Sweep sweep, Path dir) throws IOException, InterruptedException;

    /** Whether the injector's ceiling against a local reference server means anything: only on this machine. */
    boolean probesInjectorCeiling();

    /** The sweep as its forks measure it: on hosts, with the server host's CPUs. */
    Sweep placed(Sweep sweep);

    /** Adds what it knows of the machines to the sweep's environment. */
    void recordIn(Environment environment);

    @Override
    void close();

    /** Everything on this machine, as before hosts existed. */
    static Placement local(ServerLauncher launcher, ProcReader proc) {
        return new Placement() {
            @Override
            public ServerLauncher launcher() {
                return launcher;
            }

            @Override
            public ProcReader proc() {
                return proc;
            }

            @Override
            public Injector startInjector(ProjectHome home, Sweep sweep, RunFolder folder) throws IOException {
                return org.jvmbench.harness.load.InjectorProcess.start(home, sweep.cpus().injector(), sweep.injectorHeap().toString(),
                        folder.injectorLog());
            }

            @Override
            public Calibration.Figure calibrate(ProjectHome home, Sweep sweep, Path dir) throws IOException, InterruptedException {
                return Calibration.measure(home, sweep.cpus().server() == null ? null : sweep.cpus().server().toString(), dir);
            }

            @Override
            public boolean probesInjectorCeiling() {
                return true;
            }

            @Override
            public Sweep placed(Sweep sweep) {
                return sweep;
            }

            @Override
            public void recordIn(Environment environment) {
            }

            @Override
            public void close() {
            }
        };
    }
}
