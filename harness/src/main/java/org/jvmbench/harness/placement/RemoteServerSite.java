package org.jvmbench.harness.placement;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.hosts.HostConnection;
import org.jvmbench.harness.hosts.RemoteProcess;
import org.jvmbench.harness.hosts.UploadCache;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.server.ServerCommandLine;
import org.jvmbench.harness.server.ServerSite;
import org.jvmbench.harness.settings.ServerSpec;

/**
 * The server host: the app jar copied once per content hash and extracted there once (the
 * production layout, as locally), each JVM started over an SSH session of its own with the
 * command line the harness builds today, pinned to the host's CPUs and listening on every
 * interface of it, so the injectors reach it under the sweep's server address.
 */
final class RemoteServerSite implements ServerSite {

    /** Every interface of the server host: the injectors' address for it is the sweep's to give. */
    static final String BIND = "0.0.0.0";

    private final HostConnection connection;
    private final String java;
    private final String serverAddress;
    private final Map<Path, Path> placed = new HashMap<>();

    RemoteServerSite(HostConnection connection, String java, String serverAddress) {
        this.connection = connection;
        this.java = java;
        this.serverAddress = serverAddress;
    }

    @Override
    public synchronized Path jar(Path localJar) throws IOException {
        Path known = placed.get(localJar);
        if (known != null) {
            return known;
        }
        UploadCache.Upload upload = UploadCache.inHome(connection).put(localJar);
        String dir = upload.remotePath().substring(0, upload.remotePath().lastIndexOf('/'));
        String name = localJar.getFileName().toString();
        String extracted = dir + "/extracted/" + name;
        // extracted once per content, under a temporary name moved into place: a jar without a tools mode runs as is
        String script = "[ -f \"$1\" ] && exit 0; rm -rf \"$2.tmp\"; \"$3\" -Djarmode=tools -jar \"$4\" extract --destination \"$2.tmp\" "
                + ">/dev/null 2>&1 && [ -f \"$2.tmp/$5\" ] && mv \"$2.tmp\" \"$2\" || { rm -rf \"$2.tmp\"; exit 3; }";
        HostConnection.CommandResult result = connection.run(List.of("/bin/sh", "-c", script, "extract", extracted,
                dir + "/extracted", java, upload.remotePath(), name));
        Path jar = Path.of(result.exitStatus() == 0 ? extracted : upload.remotePath());
        placed.put(localJar, jar);
        return jar;
    }

    @Override
    public List<String> command(ServerSpec spec, int index, Path jar) {
        CpuSet cpus = connection.host().cpus();
        return ServerCommandLine.of(placedOnHost(spec, cpus), index, java, jar);
    }

    /** The spec with the host's CPUs (or none, unpinned) and every interface of it. */
    static ServerSpec placedOnHost(ServerSpec spec, CpuSet cpus) {
        return spec.toBuilder().bind(BIND).cpus(cpus).build();
    }

    @Override
    public Process start(List<String> command, Path log) throws IOException {
        OutputStream out = new FileOutputStream(log.toFile(), true);
        try {
            RemoteProcess remote = connection.start(command, out, out);
            return new RemoteServerProcess(connection, remote, String.join(" ", command));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public String urlHost() {
        return serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress;
    }
}
