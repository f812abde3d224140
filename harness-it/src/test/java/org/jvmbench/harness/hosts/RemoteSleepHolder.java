package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A coordinator in a JVM of its own, for the test that kills one: connects to a host, starts
 * {@code sleep} there, prints {@code pid <pid> <startTicks>} and waits to be killed.
 * Arguments: host ({@code user@address}), private key, known_hosts.
 */
public final class RemoteSleepHolder {

    private RemoteSleepHolder() {
    }

    public static void main(String[] args) throws Exception {
        HostSessions sessions = HostSessions.start(new SshKeys(Path.of(args[1]), Path.of(args[2])));
        HostConnection connection = sessions.connect(Host.parse(args[0], null));
        RemoteProcess sleep = connection.start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        System.out.println("pid " + sleep.pid().pid() + " " + sleep.pid().startTicks());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
