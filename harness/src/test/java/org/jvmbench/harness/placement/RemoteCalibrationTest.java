package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.CalibrationMain;
import org.jvmbench.harness.hosts.HostConnection;

/** On several hosts the calibration measures the server's host, not the coordinator it is started from. */
class RemoteCalibrationTest {

    private static final String CACHED = "/home/bench/.cache/jvm-bench/uploads/ab12/" + RemoteCalibration.JAR;

    /** The server's host as the calibration sees it: what was uploaded and run there, and what it answered. */
    private static final class FakeHost implements RemoteCalibration.ServerHost {
        final String cpus;
        final List<byte[]> uploads = new ArrayList<>();
        final List<List<String>> commands = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();
        String stdout = "";
        IOException failure;

        FakeHost(String cpus) {
            this.cpus = cpus;
        }

        @Override
        public String name() {
            return "bench@10.0.0.2:22";
        }

        @Override
        public String cpus() {
            return cpus;
        }

        @Override
        public String java() {
            return "/opt/jdk-25/bin/java";
        }

        @Override
        public String upload(Path local) throws IOException {
            assertThat(local.getFileName()).hasToString(RemoteCalibration.JAR);
            uploads.add(Files.readAllBytes(local));
            return CACHED;
        }

        @Override
        public HostConnection.CommandResult run(List<String> command, Duration timeout) throws IOException {
            commands.add(command);
            timeouts.add(timeout);
            if (failure != null) {
                throw failure;
            }
            return new HostConnection.CommandResult(0, stdout, "");
        }
    }

    @Test
    void runsOnTheServersHostPinnedToItsCpusWithItsJavaAndReadsTheFigureItPrinted(@TempDir Path dir) throws IOException {
        FakeHost host = new FakeHost("2-3");
        host.stdout = "opsPerSecond=21345.6 spread=0.0125 sink=7\n";

        Calibration.Figure figure = RemoteCalibration.measure(host, dir);

        assertThat(host.commands).containsExactly(List.of("taskset", "-c", "2-3", "/opt/jdk-25/bin/java", "-Xmx64m",
                "-XX:+UseSerialGC", "-cp", CACHED, CalibrationMain.class.getName()));
        assertThat(host.timeouts).containsExactly(Calibration.TIMEOUT);
        assertThat(figure).isEqualTo(new Calibration.Figure(21345.6, 0.0125, "2-3", "bench@10.0.0.2:22", Calibration.WORKLOAD));
        assertThat(figure.place()).isEqualTo("bench@10.0.0.2:22, CPUs 2-3");
        assertThat(Files.readString(dir.resolve(Calibration.LOG)))
                .startsWith("=== calibration on bench@10.0.0.2:22: taskset -c 2-3 /opt/jdk-25/bin/java")
                .contains("opsPerSecond=21345.6 spread=0.0125 sink=7");
    }

    @Test
    void anUnpinnedServerHostIsCalibratedUnpinnedAndTheEndAppendsToTheStartsLog(@TempDir Path dir) throws IOException {
        FakeHost host = new FakeHost(null);
        host.stdout = "opsPerSecond=100.0 spread=0.0100 sink=1\n";
        RemoteCalibration.measure(host, dir);
        host.stdout = "opsPerSecond=90.0 spread=0.0200 sink=1\n";

        Calibration.Figure end = RemoteCalibration.measure(host, dir);

        assertThat(host.commands.getLast()).startsWith("/opt/jdk-25/bin/java");
        assertThat(end.opsPerSecond()).isEqualTo(90.0);
        assertThat(end.cpus()).isNull();
        assertThat(end.place()).isEqualTo("bench@10.0.0.2:22");
        assertThat(Files.readString(dir.resolve(Calibration.LOG))).contains("opsPerSecond=100.0", "opsPerSecond=90.0");
    }

    @Test
    void aCalibrationThatDidNotEndInTimeIsNotMeasuredAndItsLogSaysWhy(@TempDir Path dir) throws IOException {
        FakeHost host = new FakeHost("2-3");
        host.failure = new IOException("'taskset -c 2-3 ...' on bench@10.0.0.2:22 did not finish within 60 s: killed");

        Calibration.Figure figure = RemoteCalibration.measure(host, dir);

        assertThat(figure.opsPerSecond()).isNaN();
        assertThat(figure.describe()).isEqualTo("not measured");
        assertThat(figure.host()).isEqualTo("bench@10.0.0.2:22");
        assertThat(Files.readString(dir.resolve(Calibration.LOG))).contains("did not finish within 60 s: killed");
    }

    @Test
    void theUploadedJarHoldsTheCalibrationClassAloneAndHasTheSameBytesEveryTime(@TempDir Path dir) throws IOException {
        FakeHost host = new FakeHost("2-3");
        RemoteCalibration.measure(host, dir);
        RemoteCalibration.measure(host, dir);

        assertThat(host.uploads).hasSize(2);
        assertThat(host.uploads.get(1)).as("same bytes: the host's upload cache keeps one copy").isEqualTo(host.uploads.get(0));
        String entry = CalibrationMain.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = CalibrationMain.class.getClassLoader().getResourceAsStream(entry)) {
            classFile = in.readAllBytes();
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(host.uploads.get(0)))) {
            ZipEntry only = zip.getNextEntry();
            assertThat(only.getName()).isEqualTo(entry);
            assertThat(zip.readAllBytes()).isEqualTo(classFile);
            assertThat(zip.getNextEntry()).isNull();
        }
    }
}
