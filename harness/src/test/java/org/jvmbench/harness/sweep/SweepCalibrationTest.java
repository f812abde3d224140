package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.placement.Placement;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.sampling.LinuxProcReader;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.server.ServerLauncher;

/** A sweep calibrates where its placement puts the servers, and records which machine that was. */
class SweepCalibrationTest {

    /** Servers on another machine: only its calibration is of interest here. */
    private static final class ServerElsewhere implements Placement {
        final List<Path> calibratedInto = new ArrayList<>();
        private final ProjectHome home;

        ServerElsewhere(ProjectHome home) {
            this.home = home;
        }

        @Override
        public Calibration.Figure calibrate(ProjectHome h, Sweep sweep, Path dir) {
            calibratedInto.add(dir);
            double ops = calibratedInto.size() == 1 ? 20_000 : 19_000;
            return new Calibration.Figure(ops, 0.01, "2-3", "bench@10.0.0.2:22", Calibration.WORKLOAD);
        }

        @Override
        public ServerLauncher launcher() {
            return new ServerLauncher(home);
        }

        @Override
        public ProcReader proc() {
            return new LinuxProcReader();
        }

        @Override
        public Injector startInjector(ProjectHome h, Sweep sweep, RunFolder folder) {
            throw new AssertionError("nothing to measure: no injector");
        }

        @Override
        public boolean probesInjectorCeiling() {
            return false;
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
    }

    @Test
    void aMachineCacheThatCannotBeWrittenIsSaidAndTheSweepStillEnds(@TempDir Path tmp) throws Exception {
        ProjectHome home = new ProjectHome(tmp.resolve("project"));
        Files.createDirectories(home.root().resolve("loadtests/target"));
        Files.writeString(home.root().resolve("loadtests/target/classpath.txt"), "");
        Sweep sweep = SweepReader.parse("""
                load: {endpoints: [/json], concurrency: 4}
                servers:
                  - app: servlet
                """, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2);
        RunFolder folder = RunFolder.at(tmp.resolve("run"));
        Files.createDirectories(folder.root());
        Path notADirectory = Files.writeString(tmp.resolve("cache"), "a file where the cache folder would be");
        StringWriter out = new StringWriter();

        SweepRunner.Outcome outcome = new SweepRunner(home, new ServerElsewhere(home), new PrintWriter(out, true), notADirectory)
                .run(new Plan(sweep, List.of()), folder);

        assertThat(outcome.pointsWritten()).isZero();
        assertThat(out.toString()).contains("warning: the machine cache " + notADirectory.resolve(""), "was not written",
                "the next sweep measures the injector's ceiling again", "time spent: measured 0s", "calibrating", "ETA was ");
        assertThat(Json.MAPPER.readTree(folder.environment().toFile()).get("timeSpent").get("calibrating").asDouble())
                .as("the sweep's time spent is still recorded").isGreaterThanOrEqualTo(0);
    }

    @Test
    void theStartAndEndCalibrationsAreThePlacementsAndNameTheMachineTheyMeasured(@TempDir Path tmp) throws Exception {
        ProjectHome home = new ProjectHome(tmp.resolve("project"));
        Files.createDirectories(home.root().resolve("loadtests/target"));
        Files.writeString(home.root().resolve("loadtests/target/classpath.txt"), "");
        Sweep sweep = SweepReader.parse("""
                duration: 10s
                warmup: 5s
                load: {endpoints: [/json], concurrency: 4}
                servers:
                  - app: servlet
                """, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2);
        RunFolder folder = RunFolder.at(tmp.resolve("run"));
        Files.createDirectories(folder.root());
        ServerElsewhere placement = new ServerElsewhere(home);
        StringWriter out = new StringWriter();

        new SweepRunner(home, placement, new PrintWriter(out, true), tmp.resolve("cache")).run(new Plan(sweep, List.of()), folder);

        assertThat(placement.calibratedInto).containsExactly(folder.root(), folder.root());
        JsonNode calibration = Json.MAPPER.readTree(folder.environment().toFile()).get("calibration");
        assertThat(calibration.get("start").get("host").asText()).isEqualTo("bench@10.0.0.2:22");
        assertThat(calibration.get("start").get("cpus").asText()).isEqualTo("2-3");
        assertThat(calibration.get("end").get("opsPerSecond").asDouble()).isEqualTo(19_000);
        assertThat(out.toString()).contains("calibration on bench@10.0.0.2:22, CPUs 2-3: 20000 ops/s");
        assertThat(folder.root().resolve(Calibration.LOG)).as("nothing ran on this machine").doesNotExist();
    }
}
