package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a {@link ServerLauncher} starts server JVMs when not on this machine: a host of their
 * own. Readiness, read-back and stopping stay the launcher's; the site places the jar, builds
 * the command for its machine, starts it and says how to reach it.
 */
public interface ServerSite {

    /** The jar to run there, copied and extracted as needed. */
    Path jar(Path localJar) throws IOException, InterruptedException;

    /** The command for JVM {@code index} of {@code spec} there: today's command line with that host's CPUs and address. */
    List<String> command(ServerSpec spec, int index, Path jar);

    /** Starts {@code command} there, its output appended to {@code log} here. */
    Process start(List<String> command, Path log) throws IOException;

    /** The host part of the URL the coordinator and the injectors reach the server under. */
    String urlHost();
}
