package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.process.ChildProcesses;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One server configuration that is up: one or more JVMs of the same app, one port each. */
public final class RunningServer implements AutoCloseable {

    /**
     * One JVM of the configuration.
     *
     * @param start            its first reading, as it became ready
     * @param readBack         its knobs as it reports them
     * @param firstAnswerNanos launch to its first answer as ready
     */
    public record Instance(Process process, URI url, Path log, ServerReading start, ReadBack readBack, long firstAnswerNanos) {
        public long pid() {
            return process.pid();
        }

        /** Our app's {@code /info} at start; null for a user's own jar, which has none. */
        public InfoBody startInfo() {
            return start.info();
        }
    }

    private final ServerSpec spec;
    private final ServerProbe probe;
    private final List<Instance> instances;

    /**
     * JVMs that are up and answered as ready, read through {@code probe}: the launcher's result,
     * and in tests a fake server whose counters the test sets.
     */
    public RunningServer(ServerSpec spec, ServerProbe probe, List<Instance> instances) {
        this.spec = spec;
        this.probe = probe;
        this.instances = List.copyOf(instances);
    }

    public ServerSpec spec() {
        return spec;
    }

    public List<Instance> instances() {
        return instances;
    }

    public List<URI> urls() {
        return instances.stream().map(Instance::url).toList();
    }

    public List<Long> pids() {
        return instances.stream().map(Instance::pid).toList();
    }

    /** True while every JVM of the configuration is alive. */
    public boolean alive() {
        return instances.stream().allMatch(i -> i.process().isAlive());
    }

    /** A fresh reading of every instance: its counters, and its request counts for {@code endpoints}. */
    public List<ServerReading> readings(List<String> endpoints, Duration timeout) throws IOException, InterruptedException {
        List<ServerReading> readings = new ArrayList<>();
        for (Instance instance : instances) {
            readings.add(probe.read(instance.url(), endpoints, timeout));
        }
        return readings;
    }

    /** A fresh {@code /info} of every instance of our app. */
    public List<InfoBody> infos(Duration timeout) throws IOException, InterruptedException {
        if (spec.ownJar() != null) {
            throw new IllegalStateException(spec.ownJar().name() + " has no /info");
        }
        return readings(List.of(), timeout).stream().map(ServerReading::info).toList();
    }

    /**
     * Writes what runs into the sweep's environment: our app's versions and JVM arguments from
     * {@code /info}; for a user's jar its path, Spring Boot version and the JVM's command line as
     * the process shows it; for both the knobs as read back.
     */
    public void recordIn(Environment environment, String configurationId) {
        for (Instance instance : instances) {
            if (instance.startInfo() != null) {
                environment.addServer(configurationId, instance.startInfo());
            } else {
                environment.addOwnJar(configurationId, spec.ownJar().jar().toString(), spec.engine().id(),
                        spec.ownJar().springBootVersion(), instance.process().info().arguments().map(List::of).orElse(List.of()));
            }
        }
        environment.addReadBack(configurationId, instances.getFirst().readBack().described());
    }

    @Override
    public void close() {
        // Stop in parallel: each JVM gets its grace period at the same time.
        List<Thread> stoppers = new ArrayList<>();
        for (Instance instance : instances) {
            stoppers.add(Thread.ofPlatform().start(() -> ChildProcesses.stop(instance.process(), Defaults.SERVER_STOP_TIMEOUT)));
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
