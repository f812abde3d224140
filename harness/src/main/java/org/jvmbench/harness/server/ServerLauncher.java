package org.jvmbench.harness.server;

import org.jvmbench.harness.config.ProjectHome;

import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.environment.Machine;
import org.jvmbench.harness.process.ChildProcesses;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts a {@link ServerSpec}: every JVM on its own port, waits until each answers
 * {@code /info}, and checks that what runs is what was asked. Any failure stops whatever
 * was started before the exception leaves.
 */
public final class ServerLauncher {

    private final ProjectHome home;
    private final Duration startTimeout;
    private final Machine machine;
    private final InfoClient infoClient = new InfoClient();

    public ServerLauncher(ProjectHome home) {
        this(home, Defaults.SERVER_START_TIMEOUT);
    }

    public ServerLauncher(ProjectHome home, Duration startTimeout) {
        this.home = home;
        this.startTimeout = startTimeout;
        this.machine = Machine.local();
    }

    /**
     * Starts the server; its logs go where {@code files} names them.
     *
     * @throws ServerStartException with a one-line reason (exited early, did not answer in
     *                              time, runs something other than asked)
     * @throws IllegalArgumentException before anything starts, when the machine cannot run the
     *                              spec: no port chosen, a port taken, an address it does not have,
     *                              more memory or threads than it has
     */
    public RunningServer start(ServerSpec spec, RunFolder.ForkFiles files) throws InterruptedException {
        requireStartable(spec);
        Path jar = jar(spec);
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("the " + spec.app() + " app is not built (" + jar + " missing): run ./bench once, or ./mvnw package");
        }
        List<RunningServer.Instance> started = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<Long> launchedAt = new ArrayList<>();
        try {
            // Spring Boot's extracted layout where the jar has one: the production form, and the AOT cache's
            jar = ExtractedJar.of(jar).orElse(jar);
            for (int i = 0; i < spec.processes(); i++) {
                Path log = files.serverLog(i, spec.processes());
                Files.deleteIfExists(log);
                launchedAt.add(System.nanoTime());
                processes.add(ChildProcesses.start(ServerCommandLine.of(spec, i, ChildProcesses.javaBinary(), jar), log));
            }
            for (int i = 0; i < spec.processes(); i++) {
                Path log = files.serverLog(i, spec.processes());
                URI url = URI.create("http://" + hostForUrl(spec.bind()) + ":" + (spec.port() + i));
                InfoBody info = awaitReady(processes.get(i), url, log);
                long firstAnswer = System.nanoTime() - launchedAt.get(i);
                verify(spec, info, url);
                started.add(new RunningServer.Instance(processes.get(i), url, log, info, firstAnswer));
            }
            return new RunningServer(spec, started);
        } catch (IOException e) {
            processes.forEach(p -> ChildProcesses.stop(p, Defaults.SERVER_STOP_TIMEOUT));
            throw new ServerStartException("could not start the " + spec.app() + " app: " + e.getMessage());
        } catch (RuntimeException | InterruptedException e) {
            processes.forEach(p -> ChildProcesses.stop(p, Defaults.SERVER_STOP_TIMEOUT));
            throw e;
        }
    }

    /** The jar {@code spec} runs: a user's own, or our app's on its engine. */
    public Path jar(ServerSpec spec) {
        return spec.ownJar() != null ? spec.ownJar().jar() : home.appJar(spec.engine().module());
    }

    /**
     * What {@link #start} checks before it starts anything, for a caller that makes things of
     * its own first (a log folder): a chosen port, the machine's memory and threads, an
     * address of this machine and free ports on it.
     *
     * @throws IllegalArgumentException in one sentence naming the setting
     */
    public void requireStartable(ServerSpec spec) {
        if (spec.port() == 0) {
            throw new KnobException(Knob.PORT, 0, "must be 1-" + ServerSpec.MAX_PORT + ", got 0");
        }
        spec.requireFits(machine, 0, null);
        for (int i = 0; i < spec.processes(); i++) {
            requirePortFree(spec.bind(), spec.port() + i);
        }
    }

    private InfoBody awaitReady(Process process, URI url, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                AotCache.requireNotRefused(log, url);
                throw new ServerStartException("the server on " + url + " exited with code " + process.exitValue()
                        + " before answering; last lines of " + log + ":" + System.lineSeparator() + ChildProcesses.tail(log, 15));
            }
            try {
                return infoClient.read(url, Duration.ofSeconds(2));
            } catch (IOException notYet) {
                // often enough that the time to the first answer is known within a few tens of ms
                Thread.sleep(20);
            }
        }
        throw new ServerStartException("the server on " + url + " did not answer /info within " + startTimeout.toSeconds()
                + " s; see " + log);
    }

    /** What runs must be what was asked: the harness reports settings it has read back, not assumed. */
    static void verify(ServerSpec spec, InfoBody info, URI url) {
        List<String> wrong = new ArrayList<>();
        if (!spec.app().id().equals(info.app())) {
            wrong.add("app " + info.app() + " instead of " + spec.app());
        }
        if (spec.workers() != null && !Objects.equals(spec.workers(), info.effective().workers())) {
            wrong.add("workers " + info.effective().workers() + " instead of " + spec.workers());
        }
        if (spec.threads() != null && !Objects.equals(spec.threads(), info.effective().threads())) {
            wrong.add("threads " + info.effective().threads() + " instead of " + spec.threads());
        }
        if (spec.virtualThreads() != info.effective().virtualThreads()) {
            wrong.add("virtual threads " + info.effective().virtualThreads() + " instead of " + spec.virtualThreads());
        }
        if (spec.starvation() != info.effective().starvation()) {
            wrong.add("starvation " + info.effective().starvation() + " instead of " + spec.starvation());
        }
        if (!wrong.isEmpty()) {
            throw new ServerStartException("the server on " + url + " runs " + String.join(", ", wrong));
        }
    }

    /**
     * Fails with one line when the port cannot be bound: bad input, not a server failure. An
     * address that is no address, or not one of this machine's, is said as such: the port is
     * not the problem then.
     */
    public static void requirePortFree(String bind, int port) {
        InetAddress address = localAddress(bind);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " on " + bind + " is already in use");
        }
    }

    /** The address {@code bind} names, if this machine has it (or it means every interface). */
    static InetAddress localAddress(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new KnobException(Knob.BIND, bind, "'" + bind + "' is not an IP address or a host name this machine knows");
        }
        try {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
                return address;
            }
        } catch (SocketException e) {
            // cannot list the interfaces: let the bind itself decide
            return address;
        }
        throw new KnobException(Knob.BIND, bind, bind + " is not an address of this machine (none of its network interfaces has it)");
    }

    /** A first port from which {@code count} consecutive ports are free on {@code bind}. */
    public static int freePorts(String bind, int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bind))) {
                first = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("cannot bind " + bind + ": " + e.getMessage());
            }
            if (first + count - 1 > 65535) {
                continue;
            }
            boolean allFree = true;
            for (int i = 0; i < count && allFree; i++) {
                try {
                    requirePortFree(bind, first + i);
                } catch (IllegalArgumentException taken) {
                    allFree = false;
                }
            }
            if (allFree) {
                return first;
            }
        }
        throw new IllegalStateException("found no " + count + " consecutive free ports on " + bind);
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
