package org.jvmbench.harness.placement;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jvmbench.harness.hosts.HostConnection;
import org.jvmbench.harness.hosts.RemoteFiles;
import org.jvmbench.harness.hosts.RemoteProcReader;
import org.jvmbench.harness.hosts.RemoteProcess;
import org.jvmbench.harness.load.InjectorProcess;
import org.jvmbench.harness.sampling.ProcessReading;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * One injector JVM on a host of its own, speaking today's protocol over its SSH channel:
 * command lines on stdin, the result file written there and read back over SFTP (a file that
 * exists is complete: the injector writes it atomically). Its files live under the run's folder
 * on that host; the phase's console is copied back beside the point's files.
 */
final class RemoteInjector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostConnection connection;
    private final RemoteProcess process;
    private final ReadyTap stdout;
    private final RemoteProcReader proc;
    private final String remoteRunDir;
    private final Path localRunDir;

    private RemoteInjector(HostConnection connection, RemoteProcess process, ReadyTap stdout, RemoteProcReader proc,
                           String remoteRunDir, Path localRunDir) {
        this.connection = connection;
        this.process = process;
        this.stdout = stdout;
        this.proc = proc;
        this.remoteRunDir = remoteRunDir;
        this.localRunDir = localRunDir;
    }

    /**
     * Starts the injector pinned to the host's CPUs with today's JVM options.
     *
     * @param javaFeature  the host java's feature version ({@code 25}), 0 when unknown
     * @param classpath    the uploaded jars, joined with {@code :}
     * @param remoteRunDir absolute, on the host: where this run's phase files go
     * @param localRunDir  the run folder here, whose paths are mapped under {@code remoteRunDir}
     * @param log          here: the injector's console (its stdout and stderr), appended
     */
    static RemoteInjector start(HostConnection connection, String java, int javaFeature, String classpath, String heap,
                                String remoteRunDir, Path localRunDir, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (connection.host().cpus() != null) {
            cmd.addAll(List.of("taskset", "-c", connection.host().cpus().toString()));
        }
        cmd.add(java);
        cmd.addAll(InjectorProcess.jvmOptions(heap).stream()
                // the options are this JDK's; one of them exists only from JDK 24 on, and the host's java may be older
                .filter(o -> javaFeature >= 24 || !o.startsWith("--sun-misc-unsafe-memory-access")).toList());
        cmd.addAll(List.of("-cp", classpath, InjectorProcess.MAIN_CLASS));
        Files.createDirectories(log.toAbsolutePath().getParent());
        OutputStream out = new FileOutputStream(log.toFile(), true);
        ReadyTap tap = new ReadyTap(out);
        RemoteProcess process;
        try {
            connection.files().mkdirs(remoteRunDir);
            process = connection.start(cmd, tap, out);
        } catch (IOException | RuntimeException e) {
            tap.close();
            throw e;
        }
        try {
            return new RemoteInjector(connection, process, tap, RemoteProcReader.of(connection), remoteRunDir, localRunDir);
        } catch (IOException | RuntimeException e) {
            closeQuietly(process);
            throw e;
        }
    }

    String host() {
        return connection.host().toString();
    }

    boolean running() {
        return process.running();
    }

    /** A local path of the run folder as this host keeps it. */
    String remote(String localPath) {
        return RemotePaths.under(remoteRunDir, localRunDir, Path.of(localPath));
    }

    /** The command as this injector runs it: its share of the load, every file under the run's folder on its host. */
    PhaseCommand share(PhaseCommand command, int load, double rate) {
        return new PhaseCommand(command.id(), command.baseUrls(), command.paths(), command.model(),
                command.model() == org.jvmbench.protocol.phase.LoadModel.CLOSED ? load : 0,
                command.model() == org.jvmbench.protocol.phase.LoadModel.OPEN ? rate : 0,
                command.model() == org.jvmbench.protocol.phase.LoadModel.OPEN ? load : 0,
                command.durationMs(), command.requestTimeoutMs(), remote(command.resultsDir()), remote(command.out()),
                // Gatling's HTML report would stay on the host: the merged figures are the point's
                false, command.log() == null ? null : remote(command.log()));
    }

    /** Clears a stale result, then asks for ready: true once the injector answered within {@code timeout}. */
    boolean prepare(PhaseCommand mine, Duration timeout) throws IOException, InterruptedException {
        RemoteFiles files = connection.files();
        String out = mine.out();
        if (files.stat(out).isPresent()) {
            files.remove(out);
        }
        files.mkdirs(out.substring(0, out.lastIndexOf('/')));
        send(PhaseCommand.awaitLine(mine.id()));
        return stdout.awaitReady(mine.id(), timeout);
    }

    void send(String line) throws IOException {
        OutputStream in = process.stdin();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void release(PhaseCommand mine) throws IOException {
        send(JSON.writeValueAsString(mine));
    }

    /**
     * Waits for the result file until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return the result, or empty when the injector exited or the deadline passed
     */
    Optional<PhaseResult> await(PhaseCommand mine, long deadlineNanos) throws IOException, InterruptedException {
        RemoteFiles files = connection.files();
        while (files.stat(mine.out()).isEmpty()) {
            if (!process.running() || System.nanoTime() > deadlineNanos) {
                return Optional.empty();
            }
            Thread.sleep(50);
        }
        return Optional.of(JSON.readValue(files.readText(mine.out()).orElseThrow(
                () -> new IOException(mine.out() + " on " + host() + " vanished")), PhaseResult.class));
    }

    /** Why it has no result: exited (with its status), or still running past the deadline. */
    String whyNoResult(String id) {
        return process.running() ? "no result for " + id + " in time"
                : "exited" + process.exitStatus().stream().mapToObj(s -> " (status " + s + ")").findFirst().orElse("") + " during " + id;
    }

    /** Its JVM's CPU time so far, empty when unreadable (ended, or the connection failed). */
    OptionalLong cpuNanos() {
        try {
            return proc.process(process.pid().pid()).map(ProcessReading::cpuNanos).map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    int allowedCpus() {
        try {
            return proc.process(process.pid().pid()).map(ProcessReading::allowedCpus).orElse(0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Copies the phase's console back, appended to {@code local} under a line naming the host, and drops the host's copy. */
    void fetchLog(PhaseCommand mine, Path local) {
        if (mine.log() == null || local == null) {
            return;
        }
        try {
            Optional<String> text = connection.files().readText(mine.log());
            if (text.isPresent()) {
                Files.createDirectories(local.toAbsolutePath().getParent());
                Files.writeString(local, "=== injector on " + host() + " ===\n" + text.get(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                connection.files().remove(mine.log());
            }
        } catch (IOException e) {
            // the log is a convenience; the result is what counts
        }
    }

    /** Drops Gatling's run folders of a phase on the host: they would pile up there point after point. */
    void dropResults(PhaseCommand mine) {
        if (!mine.resultsDir().startsWith(remoteRunDir + "/")) {
            return;
        }
        try {
            connection.run(List.of("rm", "-rf", "--", mine.resultsDir()));
        } catch (IOException e) {
            // left for the run's folder on the host; harmless
        }
    }

    /** Ends input (the injector exits at end of input), then the session: nothing stays on the host. */
    @Override
    public void close() {
        try {
            send(PhaseCommand.EXIT_LINE);
        } catch (IOException | RuntimeException e) {
            // already gone
        }
        process.awaitExit(Duration.ofSeconds(5));
        closeQuietly(process);
        try {
            proc.close();
        } catch (IOException | RuntimeException e) {
            // its channel ends with the connection
        }
    }

    private static void closeQuietly(RemoteProcess process) {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the host is unreachable: its sshd ends the session, and pdeathsig the injector
        }
    }
}
