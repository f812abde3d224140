package org.jvmbench.harness.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.sshd.sftp.client.SftpClient;
import org.jvmbench.harness.config.Defaults;

/**
 * Local files (the app jar, the injector classpath's jars) copied to a host once per content:
 * each lands in {@code <cache>/<sha256>/<file name>}, so the same bytes are never sent twice,
 * and a rebuilt jar with other bytes never meets a stale copy. A copy is written under a
 * temporary name and renamed into place, so a path that exists is a complete copy.
 */
public final class UploadCache {

    /**
     * Where a local file is on the host.
     *
     * @param remotePath  absolute path on the host
     * @param sha256      the content's hash, hex
     * @param transferred whether this call sent the bytes (false: the host had them)
     */
    public record Upload(String remotePath, String sha256, boolean transferred) {
    }

    private final HostConnection connection;
    private final String root;

    private UploadCache(HostConnection connection, String root) {
        this.connection = connection;
        this.root = root;
    }

    /** The cache in the login's home ({@link Defaults#HOST_UPLOAD_CACHE}). */
    public static UploadCache inHome(HostConnection connection) {
        return at(connection, connection.facts().home() + "/" + Defaults.HOST_UPLOAD_CACHE);
    }

    /** A cache in {@code absoluteDir} on the host. */
    public static UploadCache at(HostConnection connection, String absoluteDir) {
        if (!absoluteDir.startsWith("/")) {
            throw new IllegalArgumentException("upload cache on " + connection.host() + " must be an absolute path, got " + absoluteDir);
        }
        return new UploadCache(connection, absoluteDir);
    }

    /** Makes sure the host has {@code local}'s bytes; sends them only if it has not. */
    public Upload put(Path local) throws IOException {
        if (!Files.isRegularFile(local)) {
            throw new IOException("cannot upload " + local + ": not a file (a classpath folder must be packaged as a jar first)");
        }
        String sha = sha256(local);
        String dir = root + "/" + sha;
        String target = dir + "/" + local.getFileName();
        RemoteFiles files = connection.files();
        long size = Files.size(local);
        Optional<SftpClient.Attributes> there = files.stat(target);
        if (there.isPresent() && there.get().getSize() == size) {
            return new Upload(target, sha, false);
        }
        files.mkdirs(dir);
        String partial = target + ".part-" + UUID.randomUUID();
        try {
            files.upload(local, partial);
            renameUnlessThere(files, partial, target, size);
        } catch (IOException e) {
            try {
                files.remove(partial);
            } catch (IOException ignored) {
                // the partial copy may not exist; the first failure is the one to report
            }
            throw new IOException("cannot upload " + local + " to " + connection.host() + ":" + target + ": " + HostSessions.oneLine(e), e);
        }
        return new Upload(target, sha, true);
    }

    /** A target that appeared meanwhile (another coordinator uploading the same bytes) is as good as ours. */
    private static void renameUnlessThere(RemoteFiles files, String partial, String target, long size) throws IOException {
        try {
            files.rename(partial, target);
        } catch (IOException e) {
            Optional<SftpClient.Attributes> there = files.stat(target);
            if (there.isEmpty() || there.get().getSize() != size) {
                throw e;
            }
            files.remove(partial);
        }
    }

    /** {@link #put} for each file, in order: a classpath. */
    public List<Upload> putAll(List<Path> locals) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (Path local : locals) {
            uploads.add(put(local));
        }
        return uploads;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
