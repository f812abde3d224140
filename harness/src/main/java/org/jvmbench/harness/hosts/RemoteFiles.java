package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Files on a host, over one SFTP channel: small reads ({@code /proc}), stats, uploads.
 * SFTP rather than {@code cat} over exec: the host's sftp-server lives as long as the channel,
 * so a reading forks nothing on a machine whose CPU is being measured. One instance is used
 * by one thread at a time (its methods are synchronized).
 */
public final class RemoteFiles implements AutoCloseable {

    private static final int CHUNK_BYTES = 32 * 1024;

    private final SftpClient sftp;
    private final String where;

    private RemoteFiles(SftpClient sftp, String where) {
        this.sftp = sftp;
        this.where = where;
    }

    static RemoteFiles open(ClientSession session, Host host) throws IOException {
        try {
            return new RemoteFiles(SftpClientFactory.instance().createSftpClient(session), host.toString());
        } catch (IOException e) {
            throw new IOException("cannot open SFTP on " + host + " (is sshd's sftp Subsystem configured?): " + HostSessions.oneLine(e), e);
        }
    }

    /**
     * The whole file, read in chunks until the server says end-of-file: files under
     * {@code /proc} report a size of 0, so the size is never trusted.
     *
     * @throws SftpException when the host refuses (no such file, permission, a process gone mid-read)
     * @throws IOException   when the channel itself fails
     */
    public synchronized byte[] readBytes(String path) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK_BYTES];
        try (SftpClient.CloseableHandle handle = sftp.open(path, SftpClient.OpenMode.Read)) {
            long offset = 0;
            for (int n = sftp.read(handle, offset, chunk, 0, chunk.length); n >= 0; n = sftp.read(handle, offset, chunk, 0, chunk.length)) {
                content.write(chunk, 0, n);
                offset += n;
            }
        }
        return content.toByteArray();
    }

    /** A text file in Latin-1 (never fails to decode, like the local /proc reader); empty when it does not exist. */
    public Optional<String> readText(String path) throws IOException {
        try {
            return Optional.of(new String(readBytes(path), StandardCharsets.ISO_8859_1));
        } catch (SftpException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new IOException("cannot read " + path + " on " + where + ": " + HostSessions.oneLine(e), e);
        }
    }

    /** The attributes of {@code path}, or empty when nothing is there. */
    public synchronized Optional<SftpClient.Attributes> stat(String path) throws IOException {
        try {
            return Optional.of(sftp.stat(path));
        } catch (SftpException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates {@code dir} and its missing parents; {@code dir} is absolute or relative to the login's home. */
    public synchronized void mkdirs(String dir) throws IOException {
        StringBuilder path = new StringBuilder(dir.startsWith("/") ? "/" : "");
        for (String part : dir.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(part);
            if (stat(path.toString()).isEmpty()) {
                try {
                    sftp.mkdir(path.toString());
                } catch (SftpException e) {
                    // created meanwhile by another coordinator is fine
                    if (stat(path.toString()).isEmpty()) {
                        throw new IOException("cannot create " + path + " on " + where + ": " + HostSessions.oneLine(e), e);
                    }
                }
            }
            path.append('/');
        }
    }

    /** Copies a local file to {@code remote}, replacing what is there. */
    public synchronized void upload(Path local, String remote) throws IOException {
        try (InputStream in = Files.newInputStream(local); OutputStream out = sftp.write(remote)) {
            in.transferTo(out);
        }
    }

    /**
     * Renames; fails when {@code to} exists. SFTP version 3, the one OpenSSH speaks, takes no
     * copy options, and its rename never replaces a file.
     */
    public synchronized void rename(String from, String to) throws IOException {
        sftp.rename(from, to);
    }

    public synchronized void remove(String path) throws IOException {
        sftp.remove(path);
    }

    /** The absolute form of {@code path} on the host ({@code "."} is the login's home). */
    public synchronized String absolute(String path) throws IOException {
        return sftp.canonicalPath(path);
    }

    static boolean isMissing(SftpException e) {
        return e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
    }

    @Override
    public synchronized void close() throws IOException {
        sftp.close();
    }
}
