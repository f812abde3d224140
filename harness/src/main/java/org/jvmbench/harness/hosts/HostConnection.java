package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.sampling.LinuxProcReader;

/**
 * The coordinator's control connection to one host: short commands, file transfers and
 * {@code /proc} reads go over its one session; every long-running process gets a session of
 * its own ({@link #start}), so that its life is that session's.
 */
public final class HostConnection implements AutoCloseable {

    /** What a short command printed, and how it ended. */
    public record CommandResult(int exitStatus, String stdout, String stderr) {
    }

    private final HostSessions sessions;
    private final Host host;
    private final ClientSession control;
    private HostFacts facts;
    private RemoteFiles files;

    private HostConnection(HostSessions sessions, Host host, ClientSession control) {
        this.sessions = sessions;
        this.host = host;
        this.control = control;
    }

    static HostConnection open(HostSessions sessions, Host host) throws IOException {
        HostConnection connection = new HostConnection(sessions, host, sessions.open(host));
        try {
            // before the facts are known, commands run without the parent-death signal
            connection.facts = new HostFacts(0, "", 0, false, "");
            CommandResult probe = connection.run(List.of("/bin/sh", "-c", HostFacts.PROBE));
            if (probe.exitStatus() != 0) {
                throw new IOException("probing " + host + " failed (exit " + probe.exitStatus() + "): " + probe.stderr().strip());
            }
            connection.facts = HostFacts.parse(probe.stdout());
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public Host host() {
        return host;
    }

    public HostFacts facts() {
        return facts;
    }

    /**
     * Runs a short command and waits for it.
     *
     * @param command one argument per element, run as is (no shell unless you name one)
     * @param stdin   fed to the command, then closed
     * @param timeout after which the command is killed and this fails
     * @return the exit status (128 + signal number when a signal ended it)
     */
    public int run(List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr, Duration timeout)
            throws IOException {
        return run(command, stdin, stdout, stderr, timeout, true);
    }

    /** {@code fallback}: whether a command that timed out is killed by pid (not for the kill command itself). */
    private int run(List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr, Duration timeout,
                    boolean fallback) throws IOException {
        RemoteProcess process = exec(control, false, command, stdout, stderr);
        try {
            Thread feeder = Thread.ofVirtual().name("stdin-" + host).start(() -> feed(stdin, process.stdin()));
            if (!process.awaitExit(timeout)) {
                throw new IOException("'" + RemoteCommandLine.join(command) + "' on " + host + " did not finish within "
                        + timeout.toSeconds() + " s: killed");
            }
            feeder.join(Duration.ofSeconds(1));
            return process.exitStatus().orElseThrow(() -> new IOException(
                    "'" + RemoteCommandLine.join(command) + "' on " + host + " ended without an exit status (connection lost?)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running a command on " + host, e);
        } finally {
            if (fallback) {
                closeQuietly(process);
            } else {
                process.closeChannel();
            }
        }
    }

    /** Runs a short command with no input and collects its output. */
    public CommandResult run(List<String> command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(command, InputStream.nullInputStream(), out, err, Defaults.SSH_COMMAND_TIMEOUT);
        return new CommandResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts a long-running command in a session of its own. Its stdout and stderr are written
     * to {@code stdout} and {@code stderr} as they arrive (drain them to files), and closed when
     * it ends. Returns once the command's pid is known.
     */
    public RemoteProcess start(List<String> command, OutputStream stdout, OutputStream stderr) throws IOException {
        ClientSession own = sessions.open(host);
        try {
            return exec(own, true, command, stdout, stderr);
        } catch (IOException | RuntimeException e) {
            own.close(true);
            throw e;
        }
    }

    private RemoteProcess exec(ClientSession session, boolean ownsSession, List<String> command,
                               OutputStream stdout, OutputStream stderr) throws IOException {
        ChannelExec channel = session.createExecChannel(RemoteCommandLine.of(command, facts.pdeathsig()));
        PidLineTap tap = new PidLineTap(stdout);
        channel.setOut(tap);
        channel.setErr(stderr);
        // whatever MINA does with the streams at the end, the caller's files are closed then
        channel.addCloseFutureListener(closed -> {
            closeQuietly(tap);
            closeQuietly(stderr);
        });
        channel.open().verify(Defaults.SSH_CONNECT_TIMEOUT);
        RemotePid pid;
        try {
            pid = tap.pid().get(Defaults.SSH_CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            channel.close(true);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("'" + RemoteCommandLine.join(command) + "' did not start on " + host + ": "
                    + HostSessions.oneLine(cause), cause);
        } catch (InterruptedException e) {
            channel.close(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a command on " + host, e);
        }
        return new RemoteProcess(this, session, ownsSession, channel, pid, RemoteCommandLine.join(command));
    }

    /** The control connection's SFTP channel, opened on first use. */
    public synchronized RemoteFiles files() throws IOException {
        if (files == null) {
            files = RemoteFiles.open(control, host);
        }
        return files;
    }

    /** A separate SFTP channel, for a reader on another thread (the sampler); the caller closes it. */
    public RemoteFiles openFiles() throws IOException {
        return RemoteFiles.open(control, host);
    }

    /**
     * Whether the process is still there: the same pid with the same start time, and not a
     * zombie (a killed process whose parent has not reaped it yet uses nothing any more).
     */
    public boolean running(RemotePid pid) throws IOException {
        Optional<String> stat = files().readText("/proc/" + pid.pid() + "/stat");
        if (stat.isEmpty()) {
            return false;
        }
        String[] fields = LinuxProcReader.fieldsAfterCommand(stat.get(), pid.pid());
        char state = fields[0].charAt(0);
        // field 22 overall is the 20th after the command name
        return Long.parseLong(fields[19]) == pid.startTicks() && state != 'Z' && state != 'X';
    }

    /**
     * Sends {@code signal} (TERM, KILL) to the recorded process, only if its start time still
     * matches: a pid reused by another process is left alone. Never by name.
     */
    public void signal(RemotePid pid, String signal) {
        String guarded = "read -r s < /proc/" + pid.pid() + "/stat || exit 0; f() { shift 19; [ \"$1\" = " + pid.startTicks()
                + " ] && kill -" + signal + " " + pid.pid() + "; }; f ${s##*) }; exit 0";
        try {
            run(List.of("/bin/sh", "-c", guarded), InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream(), Defaults.SSH_COMMAND_TIMEOUT, false);
        } catch (IOException e) {
            // the caller checks whether it is gone; an unreachable host cannot be helped here
        }
    }

    /** Polls until the process is gone; false if it is still there (or cannot be checked) after {@code timeout}. */
    boolean awaitGone(RemotePid pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (!running(pid)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    private static void feed(InputStream from, OutputStream to) {
        try (to) {
            from.transferTo(to);
        } catch (IOException e) {
            // the command exited without reading all of its input
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing on the way out: the first failure is the one reported
        }
    }

    /** Closes the control session; processes started with their own sessions are the caller's to close. */
    @Override
    public void close() throws IOException {
        if (files != null) {
            files.close();
        }
        control.close(true);
    }

    @Override
    public String toString() {
        return host.toString();
    }
}
