package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.KnobException;
import org.jvmbench.harness.settings.Knob;
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

/**
 * Starts a {@link ServerSpec}: every JVM on its own port, waits until each is ready ({@code /info},
 * or a user's jar's readiness path), and checks that what runs is what was asked, knob by knob
 * ({@link ReadBack}). Any failure stops whatever
 * was started before the exception leaves.
 */
public final class ServerLauncher {

    private final ProjectHome home;
    private final Duration startTimeout;
    private final Machine machine;
    private final ServerSite site;

    public ServerLauncher(ProjectHome home) {
        this(home, Defaults.SERVER_START_TIMEOUT);
    }

    public ServerLauncher(ProjectHome home, Duration startTimeout) {
        this(home, startTimeout, null);
    }

    /** @param site where the JVMs run, or null for this machine */
    public ServerLauncher(ProjectHome home, Duration startTimeout, ServerSite site) {
        this.home = home;
        this.startTimeout = startTimeout;
        this.machine = Machine.local();
        this.site = site;
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
        if (site == null) {
            requireStartable(spec);
        }
        Path jar = jar(spec);
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("the " + spec.app() + " app is not built (" + jar + " missing): run ./bench once, or ./mvnw package");
        }
        ServerProbe probe = ServerProbe.of(spec);
        Duration timeout = spec.ownJar() != null ? spec.ownJar().startTimeout() : startTimeout;
        List<RunningServer.Instance> started = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<Long> launchedAt = new ArrayList<>();
        try {
            // Spring Boot's extracted layout where the jar has one: the production form, and the AOT cache's
            jar = site == null ? ExtractedJar.of(jar).orElse(jar) : site.jar(jar);
            for (int i = 0; i < spec.processes(); i++) {
                Path log = files.serverLog(i, spec.processes());
                Files.deleteIfExists(log);
                launchedAt.add(System.nanoTime());
                processes.add(site == null ? ChildProcesses.start(ServerCommandLine.of(spec, i, ChildProcesses.javaBinary(), jar), log)
                        : site.start(site.command(spec, i, jar), log));
            }
            for (int i = 0; i < spec.processes(); i++) {
                Path log = files.serverLog(i, spec.processes());
                URI url = URI.create("http://" + (site == null ? hostForUrl(spec.bind()) : site.urlHost()) + ":" + (spec.port() + i));
                ServerReading first = awaitReady(probe, processes.get(i), url, log, timeout);
                long firstAnswer = System.nanoTime() - launchedAt.get(i);
                ReadBack readBack = probe.readBack(spec, first, url, Duration.ofSeconds(5));
                verify(readBack, url);
                started.add(new RunningServer.Instance(processes.get(i), url, log, first, readBack, firstAnswer));
            }
            return new RunningServer(spec, probe, started);
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

    private ServerReading awaitReady(ServerProbe probe, Process process, URI url, Path log, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerProbe.NotReady last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                AotCache.requireNotRefused(log, url);
                throw new ServerStartException("the server on " + url + " exited with code " + process.exitValue()
                        + " before answering " + probe.readinessPath() + "; last lines of " + log + ":" + System.lineSeparator()
                        + ChildProcesses.tail(log, 15));
            }
            try {
                return probe.ready(url, Duration.ofSeconds(2));
            } catch (ServerProbe.NotReady notYet) {
                last = notYet;
                // often enough that the time to the first answer is known within a few tens of ms
                Thread.sleep(20);
            }
        }
        String answered = last != null && last.status() != 0 ? " (it answered " + last.status() + ")" : "";
        throw new ServerStartException("the server on " + url + " did not answer " + probe.readinessPath()
                + (probe instanceof InfoProbe ? "" : " with 200") + " within " + timeout.toSeconds() + " s" + answered + "; see " + log);
    }

    /** What runs must be what was asked: the harness reports settings it has read back, not assumed. */
    static void verify(ReadBack readBack, URI url) {
        List<String> wrong = readBack.mismatches();
        if (!wrong.isEmpty()) {
            throw new ServerStartException("the server on " + url + " runs " + String.join(", ", wrong));
        }
    }

    /** {@link #verify(ReadBack, URI)} of our app's {@code /info}. */
    static void verify(ServerSpec spec, InfoBody info, URI url) {
        verify(ReadBack.of(spec, info), url);
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
