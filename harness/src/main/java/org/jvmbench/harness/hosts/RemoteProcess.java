package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * A command running on a host, in an exec channel. Its life is bound to an SSH session (see
 * {@link RemoteCommandLine}): a process from {@link HostConnection#start} has a session of its
 * own, so closing it ends the process whatever else the connection does. Its pid and start
 * time are known from the start, and are the fallback when the session's end did not end it.
 */
public final class RemoteProcess implements AutoCloseable {

    /** How long the kernel's parent-death signal gets to act before the recorded pid is killed. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    /** OpenSSH names the signal that ended a command; shells report it as 128 + its number. */
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
            Map.entry("TERM", 15));

    private final HostConnection connection;
    private final ClientSession session;
    private final boolean ownsSession;
    private final ChannelExec channel;
    private final RemotePid pid;
    private final String description;

    RemoteProcess(HostConnection connection, ClientSession session, boolean ownsSession, ChannelExec channel,
                  RemotePid pid, String description) {
        this.connection = connection;
        this.session = session;
        this.ownsSession = ownsSession;
        this.channel = channel;
        this.pid = pid;
        this.description = description;
    }

    public RemotePid pid() {
        return pid;
    }

    public Host host() {
        return connection.host();
    }

    /** The command's stdin; closing it is the end of input the command sees. */
    public OutputStream stdin() {
        return channel.getInvertedIn();
    }

    /** True until the channel has closed (the command exited and its output was delivered, or the session ended). */
    public boolean running() {
        return !channel.isClosed() && !channel.isClosing();
    }

    /** Waits until the channel has closed; false when it is still open after {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        return channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.CLOSED);
    }

    /**
     * The exit status, 128 + the signal's number when a signal ended it; empty while it runs,
     * or when its session ended before the host reported one.
     */
    public OptionalInt exitStatus() {
        Integer status = channel.getExitStatus();
        if (status != null) {
            return OptionalInt.of(status);
        }
        String signal = channel.getExitSignal();
        return signal == null ? OptionalInt.empty() : OptionalInt.of(128 + SIGNALS.getOrDefault(signal, 127));
    }

    /**
     * Stops it the way the local harness stops a server: SIGTERM (a JVM runs its shutdown hooks
     * and writes its AOT cache), then, after {@code grace}, the end of its session.
     */
    public void stop(Duration grace) throws InterruptedException {
        if (running()) {
            connection.signal(pid, "TERM");
            awaitExit(grace);
        }
        close();
    }

    /**
     * Ends the command now: its stdin is closed, its channel and (when it has one of its own)
     * its session. Unless the host reported how it ended, its recorded pid is checked, and
     * killed if it is still there after a few seconds.
     */
    @Override
    public void close() throws InterruptedException {
        closeChannel();
        if (exitStatus().isPresent()) {
            // sshd reports the status only once it has reaped the command: nothing is left
            return;
        }
        if (!ownsSession) {
            // the shared session goes on, so the kernel will not end it: only its pid can
            connection.signal(pid, "KILL");
        }
        if (!connection.awaitGone(pid, GONE_WITHIN)) {
            connection.signal(pid, "KILL");
            if (!connection.awaitGone(pid, GONE_WITHIN)) {
                throw new IllegalStateException("could not make sure that " + this + " stopped");
            }
        }
    }

    /** Closes stdin, then the channel or the session, without checking what became of the command. */
    void closeChannel() {
        try {
            channel.getInvertedIn().close();
        } catch (IOException | RuntimeException alreadyClosed) {
            // the channel may be gone already
        }
        if (ownsSession) {
            session.close(true);
        } else {
            channel.close(true);
        }
    }

    @Override
    public String toString() {
        return "'" + description + "' (pid " + pid.pid() + ") on " + host();
    }
}
