package org.jvmbench.harness.server;

import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Signals;
import org.jvmbench.harness.result.RunFolder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
        ChildProcesses.stopLeftovers(out);
        Path logDir = Files.createTempDirectory("bench-serve-");
        boolean keepLogs = true;
        try {
            int code = serve(spec, followLog, logDir);
            keepLogs = code != 0;
            return code;
        } finally {
            if (!keepLogs) {
                new RunFolder.ForkFiles(logDir).delete();
            }
        }
    }

    private int serve(ServerSpec spec, boolean followLog, Path logDir) throws InterruptedException, IOException {
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onInterrupt(stop::countDown);
        try (RunningServer server = launcher.start(spec, new RunFolder.ForkFiles(logDir))) {
            describe(server);
            out.println("logs in " + logDir + " (removed when the server stops normally); Ctrl-C stops the server");
            out.flush();
            Thread follower = followLog ? follow(server.instances().getFirst().log()) : null;
            server.instances().forEach(i -> i.process().onExit().thenRun(stop::countDown));
            stop.await();
            if (follower != null) {
                follower.interrupt();
            }
            if (!server.alive()) {
                out.println("a server process exited on its own; see " + logDir);
                out.flush();
                return 1;
            }
            out.println("stopping ...");
            out.flush();
        }
        return 0;
    }

    private void describe(RunningServer server) {
        ServerSpec spec = server.spec();
        for (RunningServer.Instance instance : server.instances()) {
            InfoBody info = instance.startInfo();
            out.printf("%s app (%s) listening on %s  pid %d%n", info.app(), info.engine(), instance.url(), info.pid());
        }
        InfoBody info = server.instances().getFirst().startInfo();
        boolean servlet = spec.app() == App.SERVLET;
        out.printf("  workers  (%s): %s%s%n", servlet ? "Undertow IO threads" : "Reactor Netty event loops",
                info.effective().workers(), asked(spec.workers()));
        out.printf("  threads  (%s): %s%s%n", servlet ? "Undertow worker pool" : "Reactor parallel scheduler",
                info.effective().threads(), asked(spec.threads()));
        if (servlet) {
            out.printf("  virtual threads: %s%n", info.effective().virtualThreads() ? "on" : "off");
            out.printf("  starvation: %s%n", info.effective().starvation()
                    ? "on (/cpu?split=k queues its subtasks on the request's own pool and blocks on them)" : "off");
        }
        out.printf("  processes: %d   CPUs seen by the JVM: %d%s   heap: %s   GC: %s   Java %s%n",
                spec.processes(), info.availableProcessors(),
                spec.cpus() == null ? "" : " (pinned to " + spec.cpus() + ")", spec.heap(), spec.gc(), info.versions().java());
    }

    private static String asked(Integer value) {
        return value == null ? " (engine default)" : " (asked " + value + ")";
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
