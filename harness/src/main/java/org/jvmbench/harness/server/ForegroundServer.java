package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ProfileMode;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.profile.Profiler;
import org.jvmbench.harness.process.Signals;
import org.jvmbench.harness.result.RunFolder;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./bench serve}: one server configuration in the foreground until Ctrl-C. Prints
 * where it listens and what it runs, as read back from {@code /info}.
 */
public final class ForegroundServer {

    private final ServerLauncher launcher;
    private final PrintWriter out;

    public ForegroundServer(ServerLauncher launcher, PrintWriter out) {
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * Blocks until interrupted (exit 0) or until a server process dies (exit 1). The logs live
     * in a temporary folder that is removed on a normal stop and kept, and named, when a
     * server failed to start or died.
     */
    public int run(ServerSpec spec, boolean followLog) throws InterruptedException, IOException {
        return run(spec, followLog, null, null);
    }

    /**
     * As {@link #run(ServerSpec, boolean)}, with async-profiler counting in every JVM from its
     * start (its flame graphs are written into the log folder on Ctrl-C, which is then kept),
     * and from an AOT cache a sweep made.
     *
     * @param profile  what to profile, or null
     * @param aotCache the AOT cache to start from, or null; {@code spec.aotCache()} says the same
     */
    public int run(ServerSpec spec, boolean followLog, ProfileMode profile, Path aotCache) throws InterruptedException, IOException {
        launcher.requireStartable(spec);
        spec.requireJdk(Runtime.version().feature());
        if (profile != null) {
            Profiler.requireAvailable();
        }
        if (aotCache != null) {
            AotCache.requireFits(aotCache, launcher.jar(spec));
            spec = spec.withJvmArgs(AotCache.useArguments(aotCache));
        }
        ChildProcesses.stopLeftovers(out);
        Path logDir = Files.createTempDirectory("bench-serve-");
        boolean keepLogs = true;
        try {
            ServeProfile profiling = profile == null ? null : ServeProfile.prepare(profile, logDir);
            int code = serve(profiling == null ? spec : profiling.apply(spec), followLog, logDir, profiling);
            keepLogs = code != 0 || profiling != null;
            return code;
        } finally {
            if (!keepLogs) {
                new RunFolder.ForkFiles(logDir).delete();
            }
        }
    }

    private int serve(ServerSpec spec, boolean followLog, Path logDir, ServeProfile profiling) throws InterruptedException, IOException {
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onInterrupt(stop::countDown);
        List<Long> pids;
        int code = 0;
        try (RunningServer server = launcher.start(spec, new RunFolder.ForkFiles(logDir))) {
            pids = server.pids();
            describe(server);
            if (profiling != null) {
                out.println(profiling.describe());
            }
            out.println("logs in " + logDir + (profiling != null ? " (kept: the flame graphs are written there when the server stops)"
                    : " (removed when the server stops normally)") + "; Ctrl-C stops the server");
            out.flush();
            Thread follower = followLog ? follow(server.instances().getFirst().log()) : null;
            server.instances().forEach(i -> i.process().onExit().thenRun(stop::countDown));
            stop.await();
            if (follower != null) {
                follower.interrupt();
            }
            if (!server.alive()) {
                out.println("a server process exited on its own; see " + logDir);
                code = 1;
            } else {
                out.println("stopping ...");
            }
            out.flush();
        }
        if (profiling != null) {
            // the JVMs wrote them on their way out: only now, once they are gone, are they complete
            profiling.collect(pids).forEach(out::println);
            out.flush();
        }
        return code;
    }

    private void describe(RunningServer server) {
        ServerSpec spec = server.spec();
        List<InetAddress> every = everyInterface(spec.bind());
        for (RunningServer.Instance instance : server.instances()) {
            InfoBody info = instance.startInfo();
            String where = every == null ? instance.url().toString() : spec.bind() + ":" + instance.url().getPort()
                    + " (every interface: " + every.stream().map(a -> url(a, instance.url().getPort()))
                    .collect(Collectors.joining(", ")) + ")";
            out.printf("%s app on %s %s listening on %s  pid %d%n", info.app(), info.engine(), info.versions().engine(), where, info.pid());
        }
        if (every != null) {
            out.println("warning: bound to every interface (" + spec.bind() + "): the server is reachable from the network, "
                    + "not only from this machine");
        }
        InfoBody info = server.instances().getFirst().startInfo();
        out.println("  effective settings, read back from the running engine:");
        for (ReadBack.Item item : server.instances().getFirst().readBack().items()) {
            if (item.knob() == Knob.APP || item.knob() == Knob.ENGINE) {
                continue; // said on the line above
            }
            out.printf("    %-15s %-39s %s%n", item.knob().key(), item.description(), item.describe());
        }
        out.printf("  processes: %d   CPUs seen by the JVM: %d%s   heap: %s   GC: %s   Java %s%n",
                spec.processes(), info.availableProcessors(),
                spec.cpus() == null ? "" : " (pinned to " + spec.cpus() + ")", spec.heap(), spec.gc(), info.versions().java());
    }

    /**
     * The addresses a wildcard bind listens on, or null when {@code bind} names one address.
     * {@code 0.0.0.0} takes every IPv4 address; {@code ::} every address.
     */
    static List<InetAddress> everyInterface(String bind) {
        InetAddress wildcard;
        try {
            wildcard = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return null;
        }
        if (!wildcard.isAnyLocalAddress()) {
            return null;
        }
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    Collections.list(nic.getInetAddresses()).stream()
                            .filter(a -> wildcard instanceof Inet6Address || a instanceof Inet4Address)
                            .forEach(addresses::add);
                }
            }
        } catch (SocketException e) {
            // the warning still says it is reachable; only the list is missing
        }
        // loopback last: the network addresses are the news
        addresses.sort(Comparator.comparing(InetAddress::isLoopbackAddress));
        return addresses;
    }

    private static String url(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return "http://" + host + ":" + port;
    }

    /** Streams a server log to the terminal, for {@code --log}. */
    private Thread follow(Path log) {
        return Thread.ofPlatform().daemon().name("follow-log").start(() -> {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                byte[] buffer = new byte[8192];
                while (!Thread.currentThread().isInterrupted()) {
                    int n = file.read(buffer);
                    if (n > 0) {
                        out.print(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        out.flush();
                    } else {
                        Thread.sleep(200);
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // the server is stopping
            }
        });
    }
}
