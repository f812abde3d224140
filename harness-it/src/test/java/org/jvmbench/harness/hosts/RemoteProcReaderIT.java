package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.sampling.LinuxProcReader;
import org.jvmbench.harness.sampling.MachineReading;
import org.jvmbench.harness.sampling.ProcessReading;

/** The hosts share this machine's kernel, so a remote reading can be checked against a local one of the same pid. */
class RemoteProcReaderIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    @Test
    void aPinnedJvmOnTheServerHostReadsAsItDoesLocally() throws Exception {
        Path testClasses = Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LineQueue out = new LineQueue();
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server());
             RemoteProcReader remote = RemoteProcReader.of(connection);
             RemoteProcess jvm = connection.start(List.of("taskset", "-c", HOSTS.server().cpus().toString(), ChildProcesses.javaBinary(),
                     "-Xmx64m", "-XX:+UseSerialGC", "-cp", testClasses.toString(), IdleJvm.class.getName()), out, OutputStream.nullOutputStream())) {
            assertThat(out.next(Duration.ofSeconds(30))).isEqualTo("ready");
            long pid = jvm.pid().pid();

            ProcessReading there = remote.process(pid).orElseThrow();
            ProcessReading here = new LinuxProcReader().process(pid).orElseThrow();

            assertThat(there.pid()).isEqualTo(pid);
            assertThat(there.allowedCpus()).isEqualTo(1).isEqualTo(here.allowedCpus());
            assertThat(there.threads()).isGreaterThan(1).isCloseTo(here.threads(), within(3));
            assertThat(there.rssBytes()).isPositive().isCloseTo(here.rssBytes(), within(here.rssBytes() / 10));
            assertThat(there.pssBytes()).isNotNull().isPositive().isCloseTo(here.pssBytes(), within(here.pssBytes() / 10));
            // read first, so no more CPU than the later local reading, and not much less
            assertThat(there.cpuNanos()).isPositive().isLessThanOrEqualTo(here.cpuNanos())
                    .isGreaterThan(here.cpuNanos() - Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void theMachineCountersAreTheHostsProcStat() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.injectors().getFirst());
             RemoteProcReader remote = RemoteProcReader.of(connection)) {
            MachineReading there = remote.machine();
            MachineReading here = new LinuxProcReader().machine();

            assertThat(there.cpus()).isEqualTo(here.cpus()).isEqualTo(connection.facts().cpus());
            assertThat(there.busyNanos()).isPositive().isLessThanOrEqualTo(here.busyNanos());
        }
    }

    @Test
    void aProcessThatEndedIsGoneNotAnError() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server());
             RemoteProcReader remote = RemoteProcReader.of(connection)) {
            RemoteProcess sleep = connection.start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            long pid = sleep.pid().pid();
            assertThat(remote.alive(pid)).isTrue();

            sleep.close();

            assertThat(remote.process(pid)).isEmpty();
        }
    }
}
