package org.jvmbench.harness.sweep;

import java.io.IOException;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.profile.Profiler;
import org.jvmbench.harness.server.AotCache;
import org.jvmbench.harness.settings.ServerSpec;

/**
 * What a fork's server JVMs are started with beyond their configuration: the JVM flags a
 * profiler needs for accurate frames when the sweep profiles, and the configuration's AOT
 * cache, made first by a training run when the run has none that fits. Both end up in the
 * JVMs' arguments, which {@code environment.json} records from {@code /info}.
 */
final class ServerSetup {

    private ServerSetup() {
    }

    /**
     * {@code spec} as the fork launches it.
     *
     * @throws org.jvmbench.harness.server.ServerStartException when the AOT cache could not be made
     */
    static ServerSpec prepare(Fork fork, ServerSpec spec, ForkExecution.Context context) throws IOException, InterruptedException {
        ServerSpec prepared = spec;
        if (context.sweep().profile() != null) {
            prepared = prepared.withJvmArgs(Profiler.JVM_ARGUMENTS);
        }
        if (prepared.aotCache()) {
            // trained with the flags above too: the training run is the same JVM but for the cache
            prepared = prepared.withJvmArgs(AotCache.useArguments(AotTraining.cacheFor(fork, prepared, context)));
        }
        return prepared;
    }
}
