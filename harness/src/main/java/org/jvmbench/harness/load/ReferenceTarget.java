package org.jvmbench.harness.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.settings.CpuSet;

/**
 * The injector's reference target (loadtests' {@code ReferenceServer}): a raw Netty handler
 * answering {@code /json} with the apps' exact bytes at a fraction of their cost. Run on the
 * server's CPUs, what the injector reaches against it is the injector's own ceiling for that
 * load; a point near it measures the client, not the server.
 */
public final class ReferenceTarget implements AutoCloseable {

    /** The paths it serves, with the apps' bytes. */
    public static final String PATH = "/json";

    static final String MAIN_CLASS = "org.jvmbench.loadtests.reference.ReferenceServer";
    private static final String READY = "reference server ready on ";

    private final Process process;
    private final URI url;

    private ReferenceTarget(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Whether the reference answers this endpoint like the apps do. */
    public static boolean serves(String endpoint) {
        int q = endpoint.indexOf('?');
        return (q < 0 ? endpoint : endpoint.substring(0, q)).equals(PATH);
    }

    /** Starts it pinned to {@code cpus} on a free loopback port and waits for its ready line. */
    public static ReferenceTarget start(ProjectHome home, CpuSet cpus, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus.toString()));
        }
        cmd.addAll(List.of(ChildProcesses.javaBinary(), "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                home.injectorClasspath(), MAIN_CLASS, "--port", "0", "--bind", "127.0.0.1",
                "--threads", Integer.toString(cpus == null ? 1 : cpus.size())));
        Files.deleteIfExists(log);
        Process process = ChildProcesses.start(cmd, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the reference target exited before it was ready: " + ChildProcesses.tail(log, 5));
            }
            for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
                int at = line.indexOf(READY);
                if (at >= 0) {
                    String address = line.substring(at + READY.length()).split("\\s")[0];
                    return new ReferenceTarget(process, URI.create("http://" + address));
                }
            }
            Thread.sleep(50);
        }
        ChildProcesses.stop(process, Duration.ofSeconds(2));
        throw new IOException("the reference target did not say it was ready within 30 s: " + ChildProcesses.tail(log, 5));
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(2));
    }
}
