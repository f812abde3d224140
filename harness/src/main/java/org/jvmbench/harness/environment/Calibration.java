package org.jvmbench.harness.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.process.ChildProcesses;

/**
 * Runs {@link CalibrationMain} pinned to the server's CPUs, in a JVM of its own, and reads its
 * figure. A slower or busier machine then shows up as a number beside the results instead of
 * as a slower framework. Here it runs on this machine; on several hosts the placement runs the
 * same {@link #command} on the server's host and reads its console with {@link #read}.
 */
public final class Calibration {

    /** What SHA-256 over 16 KiB blocks achieved, as median of five half-second slices. */
    public static final String WORKLOAD = "SHA-256 of 16 KiB blocks, median of 5 × 0.5 s after 2 s warm-up, one thread";

    /** How long the calibration JVM may take (it needs about 5 s) before it is stopped and the figure is "not measured". */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The console's file name in the run folder, wherever the calibration ran. */
    public static final String LOG = "calibration.log";

    private static final Pattern LINE = Pattern.compile("opsPerSecond=([0-9.]+) spread=([0-9.]+)");

    /**
     * @param opsPerSecond blocks hashed per second (median of the slices), NaN when it could not run
     * @param spread       (max − min) / median of the slices
     * @param cpus         the CPUs it was pinned to, null when unpinned
     * @param host         the machine it ran on: this machine's name, or the server host's SSH
     *                     address on several hosts; absent from figures recorded before it was
     */
    public record Figure(double opsPerSecond, double spread, String cpus,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String host, String workload) {

        /** {@code bench@10.0.0.2:22, CPUs 2-3}: where it ran, for a progress line. */
        public String place() {
            return cpus == null ? host : host + ", CPUs " + cpus;
        }

        public String describe() {
            return Double.isNaN(opsPerSecond) ? "not measured"
                    : String.format(Locale.ROOT, "%.0f ops/s (slices within %.1f %%)", opsPerSecond, spread * 100);
        }

        /** "+1.2 %" / "−4.0 %" of this figure against an earlier one. */
        public String changeFrom(Figure earlier) {
            if (Double.isNaN(opsPerSecond) || Double.isNaN(earlier.opsPerSecond) || earlier.opsPerSecond == 0) {
                return "no comparison";
            }
            double change = opsPerSecond / earlier.opsPerSecond - 1;
            return String.format(Locale.ROOT, "%s%.1f %%", change >= 0 ? "+" : "−", Math.abs(change) * 100);
        }
    }

    private Calibration() {
    }

    /**
     * Runs the calibration on {@code cpus} (a {@code taskset -c} list, or null for anywhere); its
     * console goes to {@code dir/calibration.log}. The list is text so that the machine's facts
     * stay below the server package that pins to them.
     */
    public static Figure measure(ProjectHome home, String cpus, Path dir) throws IOException, InterruptedException {
        List<String> cmd = command(ChildProcesses.javaBinary(), System.getProperty("java.class.path"), cpus);
        Path log = dir.resolve(LOG);
        Process process = ChildProcesses.start(cmd, log);
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            ChildProcesses.stop(process, Duration.ofSeconds(2));
            return notMeasured(cpus, Environment.hostName());
        }
        return read(Files.readAllLines(log), cpus, Environment.hostName());
    }

    /** The calibration JVM's command line: {@code java} and a classpath holding {@link CalibrationMain}, pinned when {@code cpus} is given. */
    public static List<String> command(String java, String classpath, String cpus) {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.addAll(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath, CalibrationMain.class.getName()));
        return cmd;
    }

    /** The figure of the last line {@link CalibrationMain} printed in {@code console}; "not measured" when there is none. */
    public static Figure read(List<String> console, String cpus, String host) {
        for (int i = console.size() - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(console.get(i));
            if (m.find()) {
                return new Figure(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), cpus, host, WORKLOAD);
            }
        }
        return notMeasured(cpus, host);
    }

    public static Figure notMeasured(String cpus, String host) {
        return new Figure(Double.NaN, Double.NaN, cpus, host, WORKLOAD);
    }
}
