package org.jvmbench.harness.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * as a slower framework.
 */
public final class Calibration {

    /** What SHA-256 over 16 KiB blocks achieved, as median of five half-second slices. */
    public static final String WORKLOAD = "SHA-256 of 16 KiB blocks, median of 5 × 0.5 s after 2 s warm-up, one thread";

    private static final Pattern LINE = Pattern.compile("opsPerSecond=([0-9.]+) spread=([0-9.]+)");

    /**
     * @param opsPerSecond blocks hashed per second (median of the slices), NaN when it could not run
     * @param spread       (max − min) / median of the slices
     * @param cpus         where it ran
     */
    public record Figure(double opsPerSecond, double spread, String cpus, String workload) {

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
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.addAll(List.of(ChildProcesses.javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), CalibrationMain.class.getName()));
        Path log = dir.resolve("calibration.log");
        Process process = ChildProcesses.start(cmd, log);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            ChildProcesses.stop(process, java.time.Duration.ofSeconds(2));
            return new Figure(Double.NaN, Double.NaN, String.valueOf(cpus), WORKLOAD);
        }
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(lines.get(i));
            if (m.find()) {
                return new Figure(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), String.valueOf(cpus), WORKLOAD);
            }
        }
        return new Figure(Double.NaN, Double.NaN, String.valueOf(cpus), WORKLOAD);
    }
}
