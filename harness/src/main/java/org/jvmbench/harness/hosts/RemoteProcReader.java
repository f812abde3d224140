package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.sshd.sftp.common.SftpException;
import org.jvmbench.harness.sampling.LinuxProcReader;
import org.jvmbench.harness.sampling.MachineReading;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.sampling.ProcessReading;

/**
 * {@code /proc} of another host, read over SFTP and parsed exactly as the local reader parses
 * its own. A process the host no longer has is "gone", as locally; a connection that fails is
 * an {@link UncheckedIOException}, never taken for a process that ended.
 */
public final class RemoteProcReader implements ProcReader, AutoCloseable {

    private final RemoteFiles files;
    private final Host host;
    private final long ticksPerSecond;

    private RemoteProcReader(RemoteFiles files, Host host, long ticksPerSecond) {
        this.files = files;
        this.host = host;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** A reader on its own SFTP channel of {@code connection}, so sampling never waits behind an upload. */
    public static RemoteProcReader of(HostConnection connection) throws IOException {
        return new RemoteProcReader(connection.openFiles(), connection.host(), connection.facts().ticksPerSecond());
    }

    @Override
    public Optional<ProcessReading> process(long pid) {
        String dir = "/proc/" + pid + "/";
        Optional<String> stat = text(dir + "stat");
        Optional<String> status = stat.isEmpty() ? Optional.empty() : text(dir + "status");
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return LinuxProcReader.processOf(pid, stat.get(), status.get(), text(dir + "smaps_rollup").orElse(null), ticksPerSecond);
    }

    @Override
    public MachineReading machine() {
        return LinuxProcReader.machineOf(text("/proc/stat").orElseThrow(
                () -> new UncheckedIOException(new IOException("cannot read /proc/stat on " + host))), ticksPerSecond, host + ":/proc/stat");
    }

    /**
     * Empty when the host refuses the file (it does not exist, the process ended between two
     * reads, no permission for smaps_rollup), as the local reader treats a failed read.
     */
    private Optional<String> text(String path) {
        try {
            return Optional.of(new String(files.readBytes(path), StandardCharsets.ISO_8859_1));
        } catch (SftpException refused) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " on " + host + ": " + HostSessions.oneLine(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
