package org.jvmbench.harness.placement;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jvmbench.harness.hosts.HostConnection;
import org.jvmbench.harness.hosts.RemoteProcess;

/**
 * A server JVM on another host, in the shape of a local {@link Process}, so the launcher's
 * readiness wait, the sweep's liveness checks and {@code ChildProcesses.stop} treat it as they
 * treat a local one: {@code destroy} is SIGTERM by its recorded pid (the JVM writes its AOT
 * cache and runs its hooks), {@code destroyForcibly} ends its SSH session, which the kernel
 * turns into SIGKILL (pdeathsig), with the recorded pid as the fallback.
 */
final class RemoteServerProcess extends Process {

    private final HostConnection connection;
    private final RemoteProcess remote;
    private final String commandLine;

    RemoteServerProcess(HostConnection connection, RemoteProcess remote, String commandLine) {
        this.connection = connection;
        this.remote = remote;
        this.commandLine = commandLine;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!remote.awaitExit(Duration.ofSeconds(60))) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) {
        return remote.awaitExit(Duration.ofNanos(unit.toNanos(timeout)));
    }

    @Override
    public int exitValue() {
        if (remote.running()) {
            throw new IllegalThreadStateException("still running on " + remote.host());
        }
        // a session that ended before the host reported a status: the process was killed with it
        return remote.exitStatus().orElse(128 + 9);
    }

    @Override
    public boolean isAlive() {
        return remote.running();
    }

    @Override
    public long pid() {
        return remote.pid().pid();
    }

    @Override
    public void destroy() {
        if (remote.running()) {
            connection.signal(remote.pid(), "TERM");
        }
    }

    @Override
    public Process destroyForcibly() {
        try {
            remote.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        // a server JVM starts no children; and they would be on another host
        return Stream.empty();
    }

    @Override
    public ProcessHandle.Info info() {
        return new ProcessHandle.Info() {
            public Optional<String> command() {
                return Optional.empty();
            }

            public Optional<String> commandLine() {
                return Optional.of(commandLine);
            }

            public Optional<String[]> arguments() {
                return Optional.empty();
            }

            public Optional<Instant> startInstant() {
                return Optional.empty();
            }

            public Optional<Duration> totalCpuDuration() {
                return Optional.empty();
            }

            public Optional<String> user() {
                return Optional.of(remote.host().user());
            }
        };
    }

    @Override
    public String toString() {
        return "pid " + remote.pid().pid() + " on " + remote.host();
    }
}
