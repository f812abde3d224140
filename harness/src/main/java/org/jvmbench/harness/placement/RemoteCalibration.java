package org.jvmbench.harness.placement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.CalibrationMain;
import org.jvmbench.harness.hosts.HostConnection;
import org.jvmbench.harness.hosts.UploadCache;

/**
 * The CPU calibration on the server's host, where the figure is meant to be: {@link CalibrationMain}
 * alone in a small jar, copied there once per content like the app jar, and run by the host's
 * java pinned to the host's server CPUs over the placement's SSH connection. Its console is
 * appended to {@code calibration.log} in the run folder here, as locally.
 */
final class RemoteCalibration {

    /** The jar's name on the host, under its content hash. */
    static final String JAR = "jvm-bench-calibration.jar";

    /** What the calibration needs of the server's host: over SSH in a sweep ({@link #over}), a fake in tests. */
    interface ServerHost {

        /** Its name as the sweep file gives it ({@code bench@10.0.0.2:22}). */
        String name();

        /** Its server CPUs as {@code taskset -c} takes them, null when unpinned. */
        String cpus();

        /** Its java launcher. */
        String java();

        /** Makes sure the host has {@code local}'s bytes: their absolute path there. */
        String upload(Path local) throws IOException;

        /** Runs {@code command} to its end: fails when it has not ended within {@code timeout} (it is then killed). */
        HostConnection.CommandResult run(List<String> command, Duration timeout) throws IOException;
    }

    private RemoteCalibration() {
    }

    /** The server's host as the placement reaches it. */
    static ServerHost over(HostConnection connection, String java) {
        return new ServerHost() {
            @Override
            public String name() {
                return connection.host().toString();
            }

            @Override
            public String cpus() {
                return connection.host().cpus() == null ? null : connection.host().cpus().toString();
            }

            @Override
            public String java() {
                return java;
            }

            @Override
            public String upload(Path local) throws IOException {
                return UploadCache.inHome(connection).put(local).remotePath();
            }

            @Override
            public HostConnection.CommandResult run(List<String> command, Duration timeout) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit = connection.run(command, InputStream.nullInputStream(), out, err, timeout);
                return new HostConnection.CommandResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * Runs the calibration on {@code host}, its console appended to {@code dir/calibration.log}.
     * A run that fails or does not end in time is "not measured", as locally; a host that cannot
     * take the jar fails the sweep, as it would at its first server.
     */
    static Calibration.Figure measure(ServerHost host, Path dir) throws IOException {
        String jar = upload(host);
        List<String> command = Calibration.command(host.java(), jar, host.cpus());
        Path log = dir.resolve(Calibration.LOG);
        Files.createDirectories(log.toAbsolutePath().getParent());
        String console;
        try {
            HostConnection.CommandResult result = host.run(command, Calibration.TIMEOUT);
            console = result.stdout() + result.stderr()
                    + (result.exitStatus() == 0 ? "" : "exit status " + result.exitStatus() + "\n");
        } catch (IOException e) {
            console = "not measured: " + e.getMessage() + "\n";
        }
        Files.writeString(log, "=== calibration on " + host.name() + ": " + String.join(" ", command) + " ===\n" + console,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Calibration.read(console.lines().toList(), host.cpus(), host.name());
    }

    private static String upload(ServerHost host) throws IOException {
        Path dir = Files.createTempDirectory("jvm-bench-calibration");
        Path jar = dir.resolve(JAR);
        try {
            Files.write(jar, jar());
            return host.upload(jar);
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * {@link CalibrationMain}'s class file alone in a jar whose bytes depend on that class only
     * (a fixed entry time), so the host's upload cache keeps one copy per build of it.
     */
    static byte[] jar() throws IOException {
        String entry = CalibrationMain.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = CalibrationMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("no " + entry + " on this harness's classpath");
            }
            classFile = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(entry);
            e.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
            zip.putNextEntry(e);
            zip.write(classFile);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
