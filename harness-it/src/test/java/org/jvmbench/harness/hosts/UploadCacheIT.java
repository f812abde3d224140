package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UploadCacheIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    @TempDir
    Path local;

    /** The cache's folder "on the host": the namespaces share this file system, so JUnit removes it. */
    @TempDir
    Path cacheDir;

    @Test
    void aFileIsSentOnceForItsContentAndFoundThereTheSecondTime() throws Exception {
        Path jar = randomFile("app.jar", 2 * 1024 * 1024, 1);
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            UploadCache cache = UploadCache.at(connection, cacheDir.toString());

            UploadCache.Upload first = cache.put(jar);
            String inode = inode(connection, first.remotePath());
            UploadCache.Upload second = cache.put(jar);

            assertThat(first.transferred()).isTrue();
            assertThat(first.remotePath()).isEqualTo(cacheDir + "/" + UploadCache.sha256(jar) + "/app.jar");
            assertThat(connection.run(List.of("sha256sum", first.remotePath())).stdout()).startsWith(first.sha256() + " ");
            assertThat(second).isEqualTo(new UploadCache.Upload(first.remotePath(), first.sha256(), false));
            assertThat(inode(connection, second.remotePath())).as("the copy was not rewritten").isEqualTo(inode);
            assertThat(connection.run(List.of("ls", cacheDir + "/" + first.sha256())).stdout()).as("no partial copies left").isEqualTo("app.jar\n");
        }
    }

    @Test
    void otherBytesUnderTheSameNameAreAnotherUpload() throws Exception {
        Path before = randomFile("app.jar", 10_000, 1);
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.injectors().getFirst())) {
            UploadCache cache = UploadCache.at(connection, cacheDir.toString());
            UploadCache.Upload old = cache.put(before);

            Path rebuilt = randomFile("app.jar", 10_000, 2);
            UploadCache.Upload fresh = cache.put(rebuilt);

            assertThat(fresh.transferred()).isTrue();
            assertThat(fresh.remotePath()).isNotEqualTo(old.remotePath());
            assertThat(connection.run(List.of("cmp", fresh.remotePath(), rebuilt.toString())).exitStatus()).isZero();
        }
    }

    @Test
    void aClasspathIsUploadedInOrder() throws Exception {
        List<Path> jars = List.of(randomFile("a.jar", 1000, 3), randomFile("b.jar", 1000, 4));
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.injectors().get(1))) {
            List<UploadCache.Upload> uploads = UploadCache.at(connection, cacheDir.toString()).putAll(jars);

            assertThat(uploads).extracting(u -> Path.of(u.remotePath()).getFileName().toString()).containsExactly("a.jar", "b.jar");
            assertThat(uploads).allMatch(UploadCache.Upload::transferred);
        }
    }

    private static String inode(HostConnection connection, String path) throws Exception {
        return connection.run(List.of("stat", "-c", "%i", path)).stdout().strip();
    }

    private Path randomFile(String name, int bytes, long seed) throws Exception {
        byte[] content = new byte[bytes];
        new Random(seed).nextBytes(content);
        Path dir = Files.createDirectories(local.resolve("v" + seed));
        return Files.write(dir.resolve(name), content);
    }
}
