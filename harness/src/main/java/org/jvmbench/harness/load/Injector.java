package org.jvmbench.harness.load;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.result.InjectorShare;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * What runs a sweep's load: one local Gatling JVM ({@link InjectorProcess}), or several on
 * hosts of their own whose results are merged exactly into one (the {@code placement} package).
 * Either way a phase goes in and one {@link PhaseResult} comes out.
 */
public interface Injector extends AutoCloseable {

    /**
     * Runs one phase and waits for its result, at most {@code deadline}.
     *
     * @throws InjectorHungException when the deadline passes or the injector dies; it must be replaced
     */
    PhaseResult run(PhaseCommand command, Duration deadline) throws IOException, InterruptedException, InjectorHungException;

    /** True while it can take the next phase. */
    boolean alive();

    /** Its pid on this machine, for the sampler; null when it runs elsewhere. */
    Long localPid();

    /** Each injector's own part of the last phase, when several ran it; empty for one. */
    default List<InjectorShare> lastShares() {
        return List.of();
    }

    @Override
    void close();
}
