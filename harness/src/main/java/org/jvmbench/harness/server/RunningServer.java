package org.jvmbench.harness.server;

import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.harness.config.Defaults;
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
     * @param firstAnswerNanos launch to its first answered {@code /info}
     */
    public record Instance(Process process, URI url, Path log, InfoBody startInfo, long firstAnswerNanos) {
        public long pid() {
            return process.pid();
        }
    }

    private final ServerSpec spec;
    private final List<Instance> instances;
    private final InfoClient infoClient = new InfoClient();

    RunningServer(ServerSpec spec, List<Instance> instances) {
        this.spec = spec;
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

    /** A fresh {@code /info} of every instance. */
    public List<InfoBody> infos(Duration timeout) throws IOException, InterruptedException {
        List<InfoBody> infos = new ArrayList<>();
        for (Instance instance : instances) {
            infos.add(infoClient.read(instance.url(), timeout));
        }
        return infos;
    }

    /** Requests the server counted for an endpoint, summed over all instances. */
    public long requestsFor(String endpoint, Duration timeout) throws IOException, InterruptedException {
        long sum = 0;
        for (InfoBody info : infos(timeout)) {
            sum += info.requestsFor(endpoint);
        }
        return sum;
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
