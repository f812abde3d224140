package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.sampling.LinuxProcReader;

/**
 * Nothing started on a host outlives what started it: its session, its connection, or the
 * coordinator's JVM. "Gone" is checked from this machine, which shares the hosts' kernel.
 */
class RemoteProcessLifetimeIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    /**
     * What the kernel's parent-death signal and sshd's exit are given. They take milliseconds
     * here; CI once saw an injector's command outlive 5 s (2026-12-07), so the wait is wider and
     * a failure now says what the process and its parent were doing, and what its sshd logged.
     */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void theRecordedPidAndStartTimeAreThoseOfTheCommandInTheHostsNamespace() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server());
             RemoteProcess sleep = connection.start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream())) {
            long pid = sleep.pid().pid();

            assertThat(HOSTS.pidsIn(NamespaceHosts.SERVER)).contains(pid);
            assertThat(commandLine(pid)).isEqualTo("sleep 600");
            assertThat(localStartTicks(pid)).contains(sleep.pid().startTicks());
            assertThat(connection.running(sleep.pid())).isTrue();
        }
    }

    @Test
    void aCommandEndsWhenItsSessionIsClosed() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            RemoteProcess sleep = connection.start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            assertThat(running(sleep.pid())).isTrue();

            // the session only, not close(): no kill by pid may help
            sleep.closeChannel();

            assertGone(sleep.pid(), NamespaceHosts.SERVER);
        }
    }

    @Test
    void everyCommandEndsWhenTheClientIsClosed() throws Exception {
        RemoteProcess onServer;
        RemoteProcess onInjector;
        try (HostSessions sessions = HostSessions.start(HOSTS.keys())) {
            onServer = sessions.connect(HOSTS.server()).start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            onInjector = sessions.connect(HOSTS.injectors().get(1)).start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            assertThat(running(onServer.pid())).isTrue();
            assertThat(running(onInjector.pid())).isTrue();
        }

        assertGone(onServer.pid(), NamespaceHosts.SERVER);
        assertGone(onInjector.pid(), NamespaceHosts.INJECTOR_2);
    }

    @Test
    void aCommandEndsWhenTheCoordinatorJvmIsKilled() throws Exception {
        Path log = tmp.resolve("holder.log");
        Process holder = ChildProcesses.start(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                RemoteSleepHolder.class.getName(), "root@" + HOSTS.injectors().getFirst().address(),
                HOSTS.keys().privateKey().toString(), HOSTS.keys().knownHosts().toString()), log);
        try {
            RemotePid sleep = awaitPidLine(holder, log);
            assertThat(HOSTS.pidsIn(NamespaceHosts.INJECTOR_1)).contains(sleep.pid());

            holder.destroyForcibly();
            holder.waitFor();

            assertGone(sleep, NamespaceHosts.INJECTOR_1);
        } finally {
            ChildProcesses.stop(holder, Duration.ofSeconds(1));
        }
    }

    @Test
    void stopAsksWithSigtermFirstSoTheCommandCanShutDownCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            RemoteProcess trapping = connection.start(List.of("/bin/sh", "-c",
                    "trap 'echo terminated; exit 7' TERM; echo ready; while :; do sleep 0.05; done"), out, OutputStream.nullOutputStream());
            awaitOutput(out, "ready\n");

            trapping.stop(Duration.ofSeconds(5));

            assertThat(trapping.exitStatus()).hasValue(7);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ready\nterminated\n");
            assertThat(running(trapping.pid())).isFalse();
        }
    }

    @Test
    void aSignalSparesAProcessWhoseStartTimeDiffersFromTheRecordedOne() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server());
             RemoteProcess sleep = connection.start(List.of("sleep", "600"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream())) {
            RemotePid reused = new RemotePid(sleep.pid().pid(), sleep.pid().startTicks() - 1);

            connection.signal(reused, "KILL");
            assertThat(running(sleep.pid())).as("a pid whose start time differs is another process").isTrue();

            connection.signal(sleep.pid(), "KILL");
            assertGone(sleep.pid(), NamespaceHosts.SERVER);
        }
    }

    // --- checks from this machine ----------------------------------------------------------

    private static boolean running(RemotePid pid) {
        Optional<Long> start = localStartTicks(pid.pid());
        if (start.isEmpty() || start.get() != pid.startTicks()) {
            return false;
        }
        try {
            String[] fields = LinuxProcReader.fieldsAfterCommand(Files.readString(Path.of("/proc/" + pid.pid() + "/stat")), pid.pid());
            return !fields[0].equals("Z");
        } catch (IOException gone) {
            return false;
        }
    }

    private static void assertGone(RemotePid pid, String namespace) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        while (running(pid)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pid " + pid.pid() + " in " + namespace + " still runs " + GONE_WITHIN.toSeconds()
                        + " s later: " + describe(pid.pid()) + "\n" + namespace + "'s sshd log ends:\n"
                        + ChildProcesses.tail(HOSTS.dir().resolve(namespace + "-sshd.log"), 15));
            }
            Thread.sleep(20);
        }
    }

    /** Its state and its parent's, with their command lines: what a failure needs to be understood. */
    private static String describe(long pid) {
        try {
            String[] fields = LinuxProcReader.fieldsAfterCommand(Files.readString(Path.of("/proc/" + pid + "/stat")), pid);
            long parent = Long.parseLong(fields[1]);
            String parentState = Files.exists(Path.of("/proc/" + parent))
                    ? LinuxProcReader.fieldsAfterCommand(Files.readString(Path.of("/proc/" + parent + "/stat")), parent)[0] + " '"
                    + commandLine(parent) + "'" : "gone";
            return "state " + fields[0] + " '" + commandLine(pid) + "', parent " + parent + " " + parentState;
        } catch (IOException | RuntimeException e) {
            return "(cannot read its /proc: " + e + ")";
        }
    }

    private static Optional<Long> localStartTicks(long pid) {
        try {
            String[] fields = LinuxProcReader.fieldsAfterCommand(Files.readString(Path.of("/proc/" + pid + "/stat")), pid);
            return Optional.of(Long.parseLong(fields[19]));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static String commandLine(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').strip();
    }

    private static RemotePid awaitPidLine(Process holder, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!holder.isAlive()) {
                throw new AssertionError("the holder JVM exited: " + ChildProcesses.tail(log, 20));
            }
            Optional<String> line = Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("pid ")).findFirst() : Optional.empty();
            if (line.isPresent()) {
                String[] parts = line.get().split(" ");
                return new RemotePid(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the holder JVM printed no pid within 30 s: " + ChildProcesses.tail(log, 20));
    }

    private static void awaitOutput(ByteArrayOutputStream out, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!out.toString(StandardCharsets.UTF_8).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected '" + expected + "', got '" + out.toString(StandardCharsets.UTF_8) + "'");
            }
            Thread.sleep(20);
        }
    }
}
