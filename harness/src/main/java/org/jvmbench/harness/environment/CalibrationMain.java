package org.jvmbench.harness.environment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fixed CPU work the harness runs on the server's CPUs at the start and the end of every
 * sweep: SHA-256 over a 16 KiB buffer, as often as it fits in a slice. The figure means
 * nothing on its own; between sweeps, or between the start and the end of one, a lower figure
 * says the machine (steal, throttling, a neighbour) got slower, not the framework.
 * Prints one line: {@code opsPerSecond=<median> spread=<(max-min)/median>}.
 */
public final class CalibrationMain {

    static final int BUFFER_BYTES = 16 * 1024;
    static final long SLICE_NANOS = 500_000_000L;
    static final int WARM_SLICES = 4;
    static final int MEASURED_SLICES = 5;

    private CalibrationMain() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[BUFFER_BYTES];
        Arrays.fill(buffer, (byte) 42);
        byte sink = 0;
        double[] rates = new double[MEASURED_SLICES];
        for (int slice = 0; slice < WARM_SLICES + MEASURED_SLICES; slice++) {
            long ops = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                buffer[0] = sha.digest(buffer)[0];
                ops++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < SLICE_NANOS);
            sink ^= buffer[0];
            if (slice >= WARM_SLICES) {
                rates[slice - WARM_SLICES] = ops * 1e9 / elapsed;
            }
        }
        Arrays.sort(rates);
        double median = rates[rates.length / 2];
        System.out.printf(Locale.ROOT, "opsPerSecond=%.1f spread=%.4f sink=%d%n", median,
                (rates[rates.length - 1] - rates[0]) / median, sink);
    }
}
