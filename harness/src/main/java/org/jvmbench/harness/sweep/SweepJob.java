package org.jvmbench.harness.sweep;

import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.config.ExitCode;
import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.placement.HostsPlacement;
import org.jvmbench.harness.placement.Placement;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Signals;
import org.jvmbench.harness.report.Reports;
import org.jvmbench.harness.sampling.LinuxProcReader;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.server.ServerLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./bench sweep} does, apart from parsing: plan (all checks before anything
 * starts), create the run folder, run, render the report; on Ctrl-C or SIGTERM stop every
 * process and say how to resume.
 */
public final class SweepJob {

    public static final String DEFAULT_SWEEP = "quick";

    private final ProjectHome home;
    private final PrintWriter out;

    private SweepJob(ProjectHome home, PrintWriter out) {
        this.home = home;
        this.out = out;
    }

    public static SweepJob create(PrintWriter out) {
        return new SweepJob(ProjectHome.locate(), out);
    }

    ProjectHome home() {
        return home;
    }

    public int run(String sweepName, Overrides overrides, Path outDir) throws IOException, InterruptedException {
        return run(Planner.plan(Planner.sweepFile(home.sweeps(), sweepName), overrides, machineCpus()), outDir).exitCode();
    }

    /** How a run ended and where it is. */
    record Finished(int exitCode, RunFolder folder) {
    }

    /** Runs a plan into {@code outDir}, or a new folder under {@code reports/} when null. */
    Finished run(Plan plan, Path outDir) throws IOException, InterruptedException {
        requireBuilt(plan);
        // a user's jar that cannot start as asked is bad input: refused before a run folder or a point exists
        OwnJarCheck.run(plan, new ServerLauncher(home), out);
        // every host connected and checked (keys, CPUs, java, clocks) before a run folder exists
        try (Placement placement = placement(plan)) {
            if (outDir != null) {
                RunFolder folder = RunFolder.at(outDir);
                try (RunFolder.Lock lock = folder.lock()) {
                    // checked again under the lock: of two sweeps started on one folder, one gets it
                    folder.requireEmpty();
                    Planner.record(plan, folder);
                    return new Finished(execute(plan, folder, placement), folder);
                }
            }
            RunFolder folder = RunFolder.create(home.reports(), plan.sweep().name());
            try (RunFolder.Lock lock = folder.lock()) {
                Planner.record(plan, folder);
                return new Finished(execute(plan, folder, placement), folder);
            }
        }
    }

    /** This machine, or the sweep's hosts, connected and checked. */
    private Placement placement(Plan plan) throws IOException, InterruptedException {
        if (plan.sweep().hosts() == null) {
            return Placement.local(new ServerLauncher(home), new LinuxProcReader());
        }
        return HostsPlacement.open(plan.sweep().hosts(), home, out);
    }

    public int resume(Path dir) throws IOException, InterruptedException {
        RunFolder folder = RunFolder.resumable(dir);
        try (RunFolder.Lock lock = folder.lock()) {
            Plan plan = Planner.resume(folder, machineCpus());
            requireBuilt(plan);
            OwnJarCheck.run(plan.remaining(new ResultsLog(folder).completedIds()), new ServerLauncher(home), out);
            try (Placement placement = placement(plan)) {
                return execute(plan, folder, placement);
            }
        }
    }

    private int execute(Plan plan, RunFolder folder, Placement placement) throws IOException, InterruptedException {
        ChildProcesses.stopLeftovers(out);
        Thread worker = Thread.currentThread();
        Signals.onInterrupt(() -> {
            worker.interrupt();
            // If the sweep does not wind down in time, stop the children and leave anyway.
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException ignored) {
                // exiting
            }
            ChildProcesses.stopAll();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
        });
        SweepRunner runner = new SweepRunner(home, placement, out, org.jvmbench.harness.environment.MachineCache.defaultDir());
        try {
            runner.run(plan, folder);
        } catch (InterruptedException e) {
            ChildProcesses.stopAll();
            out.println("interrupted: every server and injector is stopped; completed points are kept in " + folder.root());
            out.println("resume with: ./bench sweep --resume " + folder.root());
            out.flush();
            return ExitCode.INTERRUPTED.code();
        }
        List<Path> written = Reports.render(folder.root());
        Path index = written.getLast();
        Reports.answer(folder.root()).forEach(out::println);
        out.println("report: " + index.toAbsolutePath());
        out.flush();
        return ExitCode.OK.code();
    }

    /** Every app jar the plan starts, and the injector, are built: one line otherwise, before anything starts. */
    private void requireBuilt(Plan plan) {
        for (var fork : plan.forks()) {
            if (fork.spec().ownJar() != null) {
                continue;
            }
            var jar = home.appJar(fork.spec().engine().module());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the " + fork.spec().app() + " app on " + fork.spec().engine()
                        + " is not built (" + jar + "): run ./bench, which builds it");
            }
        }
        home.injectorClasspath();
    }

    static int machineCpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
