package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.server.AotCache;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.server.ServerStartException;

/**
 * Makes the AOT cache of a configuration with {@code aotCache} before its first fork, once per
 * run folder, and hands later forks the same cache while the jar and the JVM are those it was
 * made with.
 * <p>
 * The training run is the fork's own warm-up on a JVM of its own: the same app and knobs, each
 * endpoint of the fork at its heaviest point's load until the settle rule holds (or the
 * warm-up cap). JEP 515 keeps the method profiles of what ran during training, so the training
 * should be the workload the measured JVMs will see; a server that has settled under it has
 * also had its hot paths profiled and compiled, which a fixed short load would not promise on
 * one CPU, where the servlet app compiles for over a minute. Startup-only training (Spring
 * Boot's {@code spring.context.exit=onRefresh}) would leave out every request path.
 */
final class AotTraining {

    private AotTraining() {
    }

    /**
     * The cache for {@code fork}'s configuration, made first when the run has none that fits.
     *
     * @param spec the spec the measured JVMs will run, before the cache's own arguments
     * @throws ServerStartException in one line when the training run failed or left no cache
     */
    static Path cacheFor(Fork fork, ServerSpec spec, ForkExecution.Context context) throws IOException, InterruptedException {
        String id = fork.configurationId();
        Path dir = context.folder().aot();
        String jarSha = AotCache.jarSha256(context.launcher().jar(spec));
        String runtime = AotCache.javaRuntimeVersion();
        Optional<AotCache.Made> made = AotCache.reusable(dir, id, jarSha, runtime);
        if (made.isPresent()) {
            return AotCache.file(dir, id);
        }
        Files.createDirectories(dir);
        Path cache = AotCache.file(dir, id);
        Files.deleteIfExists(cache);
        Sweep sweep = context.sweep();
        context.progress().say("        AOT cache for " + id + ": training run (its warm-up on a JVM of its own), then assembly");
        RunFolder.ForkFiles files = new RunFolder.ForkFiles(dir.resolve(id + "-training")).reset();
        ServerSpec training = AotCache.trainingSpec(spec, cache, ServerLauncher.freePorts(spec.bind(), 1));
        List<WarmUp> warmUps = new ArrayList<>();
        Duration assembly;
        try (RunningServer server = context.launcher().start(training, files)) {
            WarmUpLoop warmUp = new WarmUpLoop(context.injector(), server, files, id + "-aot-training", WarmUpLoop.Settings.of(sweep));
            for (Map.Entry<String, List<LoadPoint>> endpoint : ForkExecution.byEndpoint(fork.points()).entrySet()) {
                WarmUpLoop.Outcome outcome = warmUp.run(endpoint.getKey(),
                        ForkExecution.warmUpUsers(endpoint.getValue(), sweep.starvation()));
                if (outcome.failure() != null) {
                    throw new ServerStartException("failed on " + endpoint.getKey() + ": " + outcome.failure());
                }
                warmUps.add(outcome.record());
            }
            assembly = AotCache.assemble(server.instances().getFirst().process(), cache, files.serverLog(0, 1),
                    Defaults.AOT_ASSEMBLY_TIMEOUT);
        } catch (ServerStartException e) {
            throw new ServerStartException("the AOT cache's training run: " + e.getMessage());
        }
        AotCache.Made record = new AotCache.Made(id, jarSha, runtime, warmUps, assembly.toMillis() / 1000.0, Files.size(cache));
        AotCache.write(dir, record);
        context.progress().say(String.format(Locale.ROOT, "        AOT cache for %s: %d MB, assembled in %.1f s after %s: %s",
                id, record.bytes() >> 20, record.assemblySeconds(), describe(warmUps), context.folder().relative(cache)));
        return cache;
    }

    private static String describe(List<WarmUp> warmUps) {
        List<String> parts = new ArrayList<>();
        for (WarmUp w : warmUps) {
            parts.add(String.format(Locale.ROOT, "%s %s in %.0f s", w.endpoint(), w.settled() ? "settled" : "capped", w.seconds()));
        }
        return String.join(", ", parts);
    }
}
