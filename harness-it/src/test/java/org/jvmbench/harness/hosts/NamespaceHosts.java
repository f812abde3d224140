package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvmbench.harness.prerequisite.Prerequisite;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.settings.CpuSet;

/**
 * Three "hosts" on this machine, for the multi-host tests: network namespaces joined by a
 * bridge, each running its own OpenSSH sshd with a temporary host key, reachable from the test
 * JVM (root namespace, 10.77.0.254) as {@code root@10.77.0.1} (the server host),
 * {@code root@10.77.0.2} and {@code root@10.77.0.3} (the injector hosts), with a temporary
 * client key and a known_hosts file that vouches for all three.
 * <p>
 * Needs root, {@code ip}, {@code iptables} and OpenSSH's sshd ({@code apt-get install
 * openssh-server}; the service need not run); elsewhere every test of the class is skipped
 * with the reason, or fails under CI ({@link Prerequisite}). The file system is shared, so the
 * hosts have this machine's JDK and taskset. Everything is torn down after the class, also
 * when a test fails; whatever carries the fixture's name prefix when it starts (what a killed
 * test JVM or a failed class left behind) is removed first. Runs of different JVMs take turns
 * (a file lock): the names and addresses are fixed.
 * <p>
 * Traffic between the namespaces crosses the bridge, and with {@code br_netfilter} loaded (a
 * Docker daemon loads it, and sets the FORWARD policy to DROP) it passes iptables' FORWARD
 * chain: the fixture allows its own subnet there while it runs.
 */
final class NamespaceHosts implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Every namespace and link the fixture makes starts with it, so leftovers are found by name. */
    private static final String PREFIX = "jbh-";
    static final String SERVER = PREFIX + "server";
    static final String INJECTOR_1 = PREFIX + "inj1";
    static final String INJECTOR_2 = PREFIX + "inj2";
    private static final String BRIDGE = PREFIX + "br0";
    private static final String SUBNET = "10.77.0.";
    private static final String SUBNET_CIDR = SUBNET + "0/24";
    private static final String COORDINATOR_ADDRESS = SUBNET + "254";
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "jvm-bench-namespace-hosts.lock");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    /** sshd refuses to start without its privilege-separation folder; a host without the service running may lack it. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    /**
     * The distribution's sftp-server, what real hosts run; sshd's built-in one where it is
     * elsewhere than Debian and Red Hat put it.
     */
    private static final Optional<Path> SFTP_SERVER = Stream.of("/usr/lib/openssh/sftp-server", "/usr/libexec/openssh/sftp-server")
            .map(Path::of).filter(Files::isExecutable).findFirst();
    private static final Duration SSHD_READY_WITHIN = Duration.ofSeconds(10);
    /** How long a killed leftover process may take to leave its namespace. */
    private static final Duration LEFTOVER_GONE_WITHIN = Duration.ofSeconds(10);

    /** Namespace -> its address, in the order server, injector 1, injector 2. */
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private final List<Process> sshds = new ArrayList<>();
    private String ip;
    private String iptables;
    private String skipReason;
    private Path dir;
    private FileChannel lockFile;
    private FileLock lock;
    private Thread shutdownHook;

    NamespaceHosts() {
        namespaces.put(SERVER, SUBNET + "1");
        namespaces.put(INJECTOR_1, SUBNET + "2");
        namespaces.put(INJECTOR_2, SUBNET + "3");
    }

    // --- what tests use ------------------------------------------------------------------

    Host server() {
        return host(SERVER, CpuSet.parse("0"));
    }

    List<Host> injectors() {
        return List.of(host(INJECTOR_1, CpuSet.parse("1")), host(INJECTOR_2, CpuSet.parse("1")));
    }

    List<Host> all() {
        return Stream.concat(Stream.of(server()), injectors().stream()).toList();
    }

    private Host host(String namespace, CpuSet cpus) {
        return Host.parse("root@" + namespaces.get(namespace), cpus);
    }

    /** The namespace a host of this fixture lives in. */
    String namespaceOf(Host host) {
        return namespaces.entrySet().stream().filter(e -> e.getValue().equals(host.address()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    SshKeys keys() {
        return new SshKeys(dir.resolve("client"), dir.resolve("known_hosts"));
    }

    /** The temporary folder holding keys, configs and sshd logs. */
    Path dir() {
        return dir;
    }

    /** The public host key line ({@code type base64}) of a namespace's sshd. */
    String hostKey(String namespace) throws IOException {
        String[] parts = Files.readString(dir.resolve(namespace + "-host-key.pub")).strip().split(" ");
        return parts[0] + " " + parts[1];
    }

    /** The pids of every process in a namespace, as {@code ip netns pids} lists them (zombies are not). */
    Set<Long> pidsIn(String namespace) throws IOException, InterruptedException {
        return run(ip, "netns", "pids", namespace).lines().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::parseLong).collect(Collectors.toSet());
    }

    // --- lifecycle ---------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        skipReason = missingPrerequisite();
        if (skipReason != null) {
            return;
        }
        lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        shutdownHook = new Thread(this::tearDown, "namespace-hosts-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            clearLeftovers();
            Result probe = attempt(ip, "netns", "add", SERVER);
            if (probe.exit() != 0) {
                skipReason = "cannot create a network namespace here: " + probe.output().strip();
                tearDown();
                return;
            }
            createNetwork();
            dir = Files.createTempDirectory("jvm-bench-hosts-");
            createKeys();
            Files.createDirectories(PRIVSEP_DIR);
            for (String namespace : namespaces.keySet()) {
                startSshd(namespace);
            }
            for (Map.Entry<String, String> ns : namespaces.entrySet()) {
                awaitListening(ns.getKey(), ns.getValue());
            }
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    /** Each test says why it was skipped: a class-level skip shows in reports as no tests at all. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Prerequisite.require(skipReason == null, skipReason);
    }

    /** Skips (or under CI fails) the calling test when the hosts cannot be made here. */
    void requireWhatItNeeds() {
        String reason = missingPrerequisite();
        Prerequisite.require(reason == null, reason);
    }

    /** Why the hosts cannot be made here, or null when they can. */
    private String missingPrerequisite() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return "namespace hosts need Linux";
        }
        if (!isRoot()) {
            return "namespace hosts need root (network namespaces, a bridge, sshd)";
        }
        ip = command("ip");
        if (ip == null) {
            return "namespace hosts need iproute2's ip: apt-get install -y iproute2";
        }
        iptables = command("iptables");
        if (iptables == null) {
            return "namespace hosts need iptables to allow their subnet in the FORWARD chain: apt-get install -y iptables";
        }
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(SSH_KEYGEN)) {
            return "namespace hosts need OpenSSH's server: apt-get install -y openssh-server (the service need not run)";
        }
        return null;
    }

    private static String command(String name) {
        return Stream.of("/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/").map(dir -> dir + name)
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tearDown();
    }

    private synchronized void tearDown() {
        for (Process sshd : sshds) {
            ChildProcesses.stop(sshd, Duration.ofSeconds(2));
        }
        sshds.clear();
        try {
            if (ip != null) {
                clearLeftovers();
            }
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                dir = null;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
                lockFile.close();
                lock = null;
            }
            if (shutdownHook != null && !Thread.currentThread().getName().equals("namespace-hosts-teardown")) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                shutdownHook = null;
            }
        } catch (IOException | IllegalStateException e) {
            // the JVM is shutting down: the hook is running or the lock goes with the process
        }
    }

    // --- the network ---------------------------------------------------------------------

    /** The server's namespace exists already: its creation is the probe of whether namespaces work here. */
    private void createNetwork() throws IOException, InterruptedException {
        allowSubnetInForward();
        run(ip, "link", "add", BRIDGE, "type", "bridge");
        run(ip, "addr", "add", COORDINATOR_ADDRESS + "/24", "dev", BRIDGE);
        run(ip, "link", "set", BRIDGE, "up");
        for (Map.Entry<String, String> ns : namespaces.entrySet()) {
            String name = ns.getKey();
            String veth = name + "-v";
            if (!name.equals(SERVER)) {
                run(ip, "netns", "add", name);
            }
            // loopback down would break anything in the host that talks to itself
            run(ip, "-n", name, "link", "set", "lo", "up");
            run(ip, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", name);
            run(ip, "link", "set", veth, "master", BRIDGE, "up");
            run(ip, "-n", name, "addr", "add", ns.getValue() + "/24", "dev", "eth0");
            run(ip, "-n", name, "link", "set", "eth0", "up");
        }
    }

    /**
     * Lets the namespaces reach each other across the bridge whatever the FORWARD chain's
     * policy: first in the chain, both directions. Without it, on a machine where a Docker
     * daemon runs, every packet between two namespaces is dropped and the tests see hung hosts.
     */
    private void allowSubnetInForward() throws IOException, InterruptedException {
        for (String direction : List.of("-s", "-d")) {
            Result inserted = attempt(iptables, "-w", "-I", "FORWARD", direction, SUBNET_CIDR, "-j", "ACCEPT");
            if (inserted.exit() != 0) {
                throw new IllegalStateException("cannot allow the namespace hosts' subnet " + SUBNET_CIDR
                        + " in iptables' FORWARD chain (needed where its policy is DROP, as a Docker daemon sets it): "
                        + inserted.output().strip());
            }
        }
    }

    /**
     * Removes everything of this fixture's that exists: the FORWARD rules, every namespace and
     * every link whose name carries the prefix (also those of an earlier class that failed or a
     * test JVM that was killed: they would make the next creation fail with "File exists").
     * Processes still in a namespace are stopped by pid first, and waited for: deleting a
     * namespace does not end what runs in it, and a namespace kept alive by one keeps its veth.
     */
    private void clearLeftovers() throws IOException, InterruptedException {
        if (iptables != null) {
            for (String direction : List.of("-s", "-d")) {
                // as often as it was inserted: an earlier run may have been killed before removing its own
                for (int i = 0; i < 100 && attempt(iptables, "-w", "-D", "FORWARD", direction, SUBNET_CIDR, "-j", "ACCEPT").exit() == 0; i++) {
                    // removed one
                }
            }
        }
        List<String> leftNamespaces = run(ip, "netns", "list").lines().map(l -> l.split(" ")[0])
                .filter(name -> name.startsWith(PREFIX)).toList();
        for (String name : leftNamespaces) {
            List<ProcessHandle> inside = pidsIn(name).stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
            inside.forEach(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + LEFTOVER_GONE_WITHIN.toNanos();
            while (inside.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            run(ip, "netns", "del", name);
        }
        // veths first (deleting one end deletes its peer), then the bridge
        for (String link : ownLinks().stream().sorted(Comparator.comparing((String l) -> l.equals(BRIDGE))).toList()) {
            Result deleted = attempt(ip, "link", "del", link);
            if (deleted.exit() != 0 && ownLinks().contains(link)) {
                throw new IllegalStateException("cannot remove " + link + ", left by an earlier run: " + deleted.output().strip());
            }
        }
    }

    /** The links in this (the root) namespace named with the fixture's prefix. */
    private static List<String> ownLinks() throws IOException {
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            return links.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(PREFIX)).toList();
        }
    }

    // --- keys and sshd -------------------------------------------------------------------

    /** ed25519 throughout, OpenSSH's default: the SSH client must handle it (it needs Bouncy Castle for it). */
    private void createKeys() throws IOException, InterruptedException {
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "jvm-bench-test-client", "-f", dir.resolve("client").toString());
        Files.copy(dir.resolve("client.pub"), dir.resolve("authorized_keys"));
        List<String> knownHosts = new ArrayList<>();
        for (Map.Entry<String, String> ns : namespaces.entrySet()) {
            Path key = dir.resolve(ns.getKey() + "-host-key");
            run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", ns.getKey(), "-f", key.toString());
            knownHosts.add(ns.getValue() + " " + hostKey(ns.getKey()));
        }
        Files.write(dir.resolve("known_hosts"), knownHosts, StandardCharsets.UTF_8);
    }

    private void startSshd(String namespace) throws IOException {
        Path config = dir.resolve(namespace + "-sshd_config");
        Files.writeString(config, String.join("\n",
                "Port 22",
                "HostKey " + dir.resolve(namespace + "-host-key"),
                "PidFile " + dir.resolve(namespace + "-sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // the temporary folder is not root's own, which StrictModes would refuse
                "StrictModes no",
                "PrintMotd no",
                // what a failing lifetime test quotes: connections, sessions and their ends
                "LogLevel VERBOSE",
                "Subsystem sftp " + SFTP_SERVER.map(Path::toString).orElse("internal-sftp"),
                ""));
        Path log = dir.resolve(namespace + "-sshd.log");
        sshds.add(ChildProcesses.start(List.of(ip, "netns", "exec", namespace, SSHD.toString(), "-D", "-f", config.toString(),
                "-E", log.toString()), dir.resolve(namespace + "-sshd.console")));
    }

    private void awaitListening(String namespace, String address) throws IOException, InterruptedException {
        Process sshd = sshds.get(List.copyOf(namespaces.keySet()).indexOf(namespace));
        long deadline = System.nanoTime() + SSHD_READY_WITHIN.toNanos();
        while (true) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd in " + namespace + " exited: " + ChildProcesses.tail(dir.resolve(namespace + "-sshd.log"), 5)
                        + ChildProcesses.tail(dir.resolve(namespace + "-sshd.console"), 5));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, 22), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd in " + namespace + " does not accept connections on " + address + ":22");
                }
                Thread.sleep(20);
            }
        }
    }

    // --- commands ----------------------------------------------------------------------

    private record Result(int exit, String output) {
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Result result = attempt(command);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exit() + "): " + result.output().strip());
        }
        return result.output();
    }

    /** Runs a short command; its output is small and read whole. */
    private static Result attempt(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean isRoot() {
        try {
            Optional<String> uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst();
            return uid.isPresent() && uid.get().split("\\s+")[1].equals("0");
        } catch (IOException e) {
            return false;
        }
    }
}
