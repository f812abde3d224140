package org.jvmbench.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import org.HdrHistogram.Histogram;
import org.jvmbench.loadtests.recording.RecordingHooks;
import org.jvmbench.loadtests.recording.RunRecorder;
import org.jvmbench.loadtests.recording.RunRecording;

/**
 * Measures what our recording costs, without any network: one user loops over a stand-in for a
 * request (a session function that sets status 200) for {@code duration}, first bare, then
 * wrapped in {@link RecordingHooks}, alternating for {@code rounds}. The difference in time per
 * iteration is the injector CPU the hooks add per request; the latencies the hooks record around
 * the stand-in are what they add to every measured latency at most.
 *
 * <pre>
 * ./mvnw -B -ntp -pl loadtests -am verify -Pgatling -DskipTests -Dgatling.noReports=true \
 *     -Dgatling.simulationClass=org.jvmbench.loadtests.RecordingOverheadSimulation -Dduration=3 -Drounds=3
 * </pre>
 */
public class RecordingOverheadSimulation extends Simulation {

    // Parameters
    private final Duration duration = SimulationParameters.duration(SimulationParameters.DURATION, "3s");
    private final int rounds = SimulationParameters.positiveInt("rounds", 3);

    // Scenario: bare and hooked phases, one after the other, one user each.
    private final ChainBuilder standInRequest = exec(session -> session.set(RecordingHooks.STATUS, 200));
    private final List<Phase> phases = new ArrayList<>();

    {
        PopulationBuilder chain = null;
        for (int round = 1; round <= rounds; round++) {
            for (boolean hooked : new boolean[] {false, true}) {
                Phase phase = new Phase((hooked ? "hooked " : "bare ") + round, hooked, duration);
                phases.add(phase);
                ChainBuilder body = hooked ? RecordingHooks.around(phase.recorder, standInRequest) : standInRequest;
                PopulationBuilder population = scenario(phase.name)
                        .during(duration).on(exec(session -> {
                            phase.iterations.increment();
                            return session;
                        }).exec(body))
                        .injectOpen(atOnceUsers(1));
                chain = chain == null ? population : chain.andThen(population);
            }
        }
        setUp(chain);
    }

    @Override
    public void after() {
        double bareNanos = 0;
        for (Phase phase : phases) {
            double nanosPerIteration = duration.toNanos() / (double) phase.iterations.sum();
            if (!phase.hooked) {
                bareNanos = nanosPerIteration;
                System.out.printf("[overhead] %-9s %,12d iterations, %8.1f ns each%n", phase.name, phase.iterations.sum(), nanosPerIteration);
                continue;
            }
            RunRecording recording = phase.recorder.snapshot();
            Histogram hookToHook = recording.latencyMicros();
            System.out.printf("[overhead] %-9s %,12d iterations, %8.1f ns each: hooks add %.1f ns per request;"
                            + " hook-to-hook us p50 %d, p99 %d, p99.9 %d, max %d%n",
                    phase.name, phase.iterations.sum(), nanosPerIteration, nanosPerIteration - bareNanos,
                    hookToHook.getValueAtPercentile(50), hookToHook.getValueAtPercentile(99),
                    hookToHook.getValueAtPercentile(99.9), hookToHook.getMaxValue());
        }
    }

    private static final class Phase {
        final String name;
        final boolean hooked;
        final LongAdder iterations = new LongAdder();
        final RunRecorder recorder;

        Phase(String name, boolean hooked, Duration duration) {
            this.name = name;
            this.hooked = hooked;
            this.recorder = new RunRecorder(Duration.ofSeconds(10), duration);
        }
    }
}
