package org.jvmbench.harness.placement;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.hosts.ClockOffset;
import org.jvmbench.harness.settings.Host;
import org.jvmbench.harness.hosts.HostClock;
import org.jvmbench.harness.hosts.HostConnection;
import org.jvmbench.harness.hosts.HostKeyRefusedException;
import org.jvmbench.harness.hosts.HostSessions;
import org.jvmbench.harness.hosts.RemoteProcReader;
import org.jvmbench.harness.hosts.SshKeys;
import org.jvmbench.harness.hosts.UploadCache;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.CpuPinning;
import org.jvmbench.harness.plan.Hosts;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.server.ServerLauncher;

/**
 * A sweep on several machines: every host connected and checked before anything starts (its key
 * against known_hosts, its CPUs, {@code java} and {@code taskset} there, its clock within the
 * tolerance; any failure is one line and exit 2), the injector's classpath copied once per
 * content to each injector host, then the server JVMs on the server host and one injector on
 * each injector host. Closing it ends every session, and with them every remote process.
 *
 * <p>Just over 300 lines: every check a host gets before a run folder exists (key, login, CPUs,
 * java, taskset, clock) reads one connection each, and reads best in the order they run.
 */
public final class HostsPlacement implements Placement {

    /** One connected host and what was learned of it. */
    private record Connected(String place, HostConnection connection, String java, ClockOffset clock, String jdk) {
    }

    private final Hosts hosts;
    private final HostSessions sessions;
    private final Connected server;
    private final List<Connected> injectors;
    private final List<String> classpaths;
    private final ServerLauncher launcher;
    private final RemoteProcReader proc;

    private HostsPlacement(Hosts hosts, HostSessions sessions, Connected server, List<Connected> injectors, List<String> classpaths,
                           ServerLauncher launcher, RemoteProcReader proc) {
        this.hosts = hosts;
        this.sessions = sessions;
        this.server = server;
        this.injectors = injectors;
        this.classpaths = classpaths;
        this.launcher = launcher;
        this.proc = proc;
    }

    /**
     * Connects and checks every host of {@code hosts}.
     *
     * @throws IllegalArgumentException in one line naming the host's place in the sweep file: a key
     *                                  known_hosts does not vouch for, a host out of reach, a CPU it
     *                                  lacks, no java, a clock beyond the tolerance
     */
    public static HostsPlacement open(Hosts hosts, ProjectHome home, PrintWriter out) throws IOException, InterruptedException {
        SshKeys keys = new SshKeys(Hosts.path(hosts.identity()), Hosts.path(hosts.knownHosts()));
        HostSessions sessions;
        try {
            sessions = HostSessions.start(keys);
        } catch (IOException e) {
            throw new IllegalArgumentException("hosts.identity: " + oneLine(e));
        }
        List<Connected> opened = new ArrayList<>();
        try {
            Connected server = check(sessions, hosts.server().host(), "hosts.server", hosts, opened);
            List<Connected> injectors = new ArrayList<>();
            for (int i = 0; i < hosts.injectors().size(); i++) {
                injectors.add(check(sessions, hosts.injectors().get(i).host(), "hosts.injectors[" + i + "]", hosts, opened));
            }
            for (Connected c : opened) {
                out.println("host " + c.connection().host() + " (" + c.place() + "): " + c.connection().facts().cpus() + " CPUs, kernel "
                        + c.connection().facts().kernel() + ", " + c.jdk() + ", clock " + describe(c.clock()));
            }
            out.flush();
            List<Path> classpath = injectorClasspath(home);
            List<String> classpaths = new ArrayList<>();
            for (Connected c : injectors) {
                List<UploadCache.Upload> uploads = UploadCache.inHome(c.connection()).putAll(classpath);
                classpaths.add(String.join(":", uploads.stream().map(UploadCache.Upload::remotePath).toList()));
            }
            RemoteServerSite site = new RemoteServerSite(server.connection(), server.java(), hosts.serverAddress());
            ServerLauncher launcher = new ServerLauncher(home, Defaults.SERVER_START_TIMEOUT, site);
            return new HostsPlacement(hosts, sessions, server, List.copyOf(injectors), classpaths, launcher,
                    RemoteProcReader.of(server.connection()));
        } catch (IOException | RuntimeException | InterruptedException e) {
            for (Connected c : opened) {
                closeQuietly(c.connection());
            }
            closeQuietly(sessions);
            throw e;
        }
    }

    private static Connected check(HostSessions sessions, Host host, String place, Hosts hosts, List<Connected> opened)
            throws IOException, InterruptedException {
        HostConnection connection;
        try {
            connection = sessions.connect(host);
        } catch (HostKeyRefusedException e) {
            throw new IllegalArgumentException(place + ": " + oneLine(e));
        } catch (IOException e) {
            throw new IllegalArgumentException(place + ": " + oneLine(e));
        }
        opened.add(connection == null ? null : new Connected(place, connection, null, null, null));
        int count = connection.facts().cpus();
        if (host.cpus() != null && host.cpus().cpus().getLast() >= count) {
            throw new IllegalArgumentException(place + ".cpus: CPU " + host.cpus().cpus().getLast() + " does not exist on " + host
                    + ": it has " + (count == 1 ? "1 CPU" : count + " CPUs"));
        }
        String java = hosts.java() != null ? requireExecutable(connection, hosts.java(), place) : tool(connection, "java", place);
        if (host.cpus() != null) {
            tool(connection, "taskset", place);
        }
        HostConnection.CommandResult version = connection.run(List.of(java, "-version"));
        String jdk = version.stderr().lines().findFirst().orElse("?").strip();
        ClockOffset clock = new HostClock().measure(connection);
        requireClock(place, host, clock, hosts.clockOffset());
        Connected checked = new Connected(place, connection, java, clock, jdk);
        opened.set(opened.size() - 1, checked);
        return checked;
    }

    /** A host whose clock is off by more than the tolerance (half the round trip counted against it) cannot start a sweep. */
    static void requireClock(String place, Host host, ClockOffset clock, java.time.Duration tolerance) {
        if (!clock.within(tolerance)) {
            throw new IllegalArgumentException(place + ": the clock of " + host + " is " + describe(clock)
                    + ", beyond hosts.clockOffset (" + tolerance.toMillis() + " ms)"
                    + ": synchronise it (chrony, systemd-timesyncd) before a sweep");
        }
    }

    /** The absolute path of {@code name} on the host's PATH, or one line saying it is missing. */
    private static String tool(HostConnection connection, String name, String place) throws IOException {
        HostConnection.CommandResult found = connection.run(List.of("/bin/sh", "-c", "command -v " + name));
        String path = found.stdout().strip();
        if (found.exitStatus() != 0 || path.isEmpty()) {
            throw new IllegalArgumentException(place + ": " + connection.host() + " has no " + name
                    + " on its PATH (a host needs sshd, java and taskset)");
        }
        return path;
    }

    /** {@code path} if it is an executable file on the host, or one line saying it is not. */
    private static String requireExecutable(HostConnection connection, String path, String place) throws IOException {
        if (connection.run(List.of("test", "-x", path)).exitStatus() != 0) {
            throw new IllegalArgumentException("hosts.java: " + path + " is not an executable file on " + connection.host()
                    + " (" + place + ")");
        }
        return path;
    }

    /**
     * The injector's classpath as files: the packaged loadtests jar in place of its classes folder
     * (an upload is a file), then the dependency jars.
     */
    static List<Path> injectorClasspath(ProjectHome home) throws IOException {
        Path target = home.root().resolve("loadtests").resolve("target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "loadtests-*.jar")) {
                for (Path candidate : jars) {
                    String name = candidate.getFileName().toString();
                    if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar")) {
                        jar = candidate;
                    }
                }
            }
        }
        if (jar == null) {
            throw new IllegalStateException("the injector is not packaged (no " + target.resolve("loadtests-<version>.jar")
                    + "): run ./mvnw -B -ntp package -DskipTests");
        }
        List<Path> files = new ArrayList<>(List.of(jar));
        String[] entries = home.injectorClasspath().split(File.pathSeparator);
        for (int i = 1; i < entries.length; i++) {
            if (!entries[i].isBlank()) {
                files.add(Path.of(entries[i]));
            }
        }
        return files;
    }

    @Override
    public ServerLauncher launcher() {
        return launcher;
    }

    @Override
    public ProcReader proc() {
        return proc;
    }

    @Override
    public Injector startInjector(ProjectHome home, Sweep sweep, RunFolder folder) throws IOException {
        List<String> names = injectors.stream().map(c -> c.connection().host().toString()).toList();
        List<Long> offsets = injectors.stream().map(c -> c.clock().offset().toMillis()).toList();
        String run = folder.root().toAbsolutePath().getFileName().toString();
        return new InjectorGroup(i -> {
            Connected c = injectors.get(i);
            String remoteRun = c.connection().facts().home() + "/" + Defaults.HOST_RUNS_DIR + "/" + run + "/injector-" + i;
            return RemoteInjector.start(c.connection(), c.java(), javaFeature(c.jdk()), classpaths.get(i),
                    sweep.injectorHeap().toString(), remoteRun, folder.root(),
                    folder.injectorLog().resolveSibling("injector-" + i + ".log"));
        }, names, offsets);
    }

    /** On the server host, pinned to its CPUs there, with its java: the machine the figure is meant to describe. */
    @Override
    public Calibration.Figure calibrate(ProjectHome home, Sweep sweep, Path dir) throws IOException {
        return RemoteCalibration.measure(RemoteCalibration.over(server.connection(), server.java()), dir);
    }

    @Override
    public boolean probesInjectorCeiling() {
        return false;
    }

    @Override
    public Sweep placed(Sweep s) {
        // the server host's CPUs, for what ran beside the server there; the injectors are on other machines
        return s.toBuilder().cpus(new CpuPinning(server.connection().host().cpus(), null)).build();
    }

    @Override
    public void recordIn(Environment environment) {
        List<Map<String, Object>> machines = new ArrayList<>();
        machines.add(describe(server, "server"));
        injectors.forEach(c -> machines.add(describe(c, "injector")));
        environment.addHosts(machines, hosts.serverAddress());
    }

    private static Map<String, Object> describe(Connected c, String role) {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("role", role);
        host.put("ssh", c.connection().host().toString());
        host.put("cpus", c.connection().facts().cpus());
        host.put("pinnedTo", c.connection().host().cpus() == null ? null : c.connection().host().cpus().toString());
        host.put("kernel", c.connection().facts().kernel());
        host.put("jdk", c.jdk());
        host.put("java", c.java());
        host.put("clockOffsetMs", c.clock().offset().toNanos() / 1e6);
        host.put("clockRoundTripMs", c.clock().roundTrip().toNanos() / 1e6);
        host.put("timeService", c.clock().timeService().source());
        if (c.clock().timeService().offset() != null) {
            host.put("timeServiceOffsetMs", c.clock().timeService().offset().toNanos() / 1e6);
        }
        host.put("pdeathsig", c.connection().facts().pdeathsig());
        return host;
    }

    /** The feature version in {@code java -version}'s first line ({@code openjdk version "25.0.1"}: 25); 0 when unreadable. */
    static int javaFeature(String versionLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("version \"(\\d+)").matcher(versionLine);
        if (!m.find()) {
            return 0;
        }
        int first = Integer.parseInt(m.group(1));
        return first == 1 ? 8 : first;
    }

    private static String describe(ClockOffset clock) {
        return "off by " + millis(clock.offset().toNanos()) + " (round trip "
                + String.format(Locale.ROOT, "%.2f ms", clock.roundTrip().toNanos() / 1e6) + ")";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%+.2f ms", nanos / 1e6).replace("+0.00", "0.00");
    }

    @Override
    public void close() {
        closeQuietly(proc);
        closeQuietly(server.connection());
        injectors.forEach(c -> closeQuietly(c.connection()));
        closeQuietly(sessions);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing the client ends every session regardless
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
