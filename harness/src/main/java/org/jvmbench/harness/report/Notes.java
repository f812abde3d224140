package org.jvmbench.harness.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;

/**
 * The sentences that say what a column or section of the reports means, in one home so the page
 * and the Markdown say the same thing.
 */
final class Notes {

    static final String ONE_REPETITION_EACH = "Each point ran once: how much its figures move from one repetition to the next is not known, "
            + "so a difference of a few percent between two rows may be noise. Run it with repeat: 3 or more in the sweep "
            + "file, or ./bench sweep FILE --repeat 3, to know it.";

    static final String STABILITY = "Stability: how steady the measured window was, judged on its own full seconds "
            + "(the partial first and last second left out): CV is the coefficient of variation of requests per second, "
            + "trend the last third of the window against the first (positive: still getting faster), JIT the server's "
            + "compilation time inside the window. With several repetitions, the worst repetition's figure of each. A trend beyond "
            + Units.plain(Defaults.POINT_TREND * 100) + " % or JIT beyond " + Units.plain(Defaults.POINT_JIT_SHARE * 100)
            + " % of the window flags the point UNSTEADY.";

    static final String WARM_UP = "Warm-up: how long the configuration was loaded on this endpoint, at the load of its "
            + "heaviest point, until it settled (the JIT quiet and throughput no longer rising; without JIT figures, no trend and little spread); \"not settled\" "
            + "means the warm-up reached its cap and the point is flagged NOT_STEADY.";

    /** Beside a Jetty virtual-thread point that hung: what was seen when it was reproduced. */
    static final String JETTY_VIRTUAL_HANG = "seen before: Jetty on virtual threads stopped answering for seconds right "
            + "after start under load on one CPU (reports/examples/jetty-vt-starts), and did not with the JDK's read pollers on "
            + "platform threads (-Djdk.pollerMode=1, reports/examples/jetty-vt-starts-poller1); read such a hang as that, not "
            + "as the engine's limit (docs/findings.md, \"Which engine\")";

    static final String REPEAT_CV = "CV across repetitions: the sample standard deviation of the repetitions' RPS over their mean, "
            + "each repetition on fresh JVMs: the noise a comparison has to beat.";

    static final String MEMORY = "Memory, summed over the server's JVMs. PSS is the footprint: what the JVMs cost the "
            + "machine, with pages they share split between them, so it stays honest when summed over processes. Heap "
            + "after GC is the live data: what the application holds once garbage is gone. RSS counts shared pages once "
            + "per process, and RSS and committed heap both depend on allocation history and on -Xms (here equal to "
            + "-Xmx), so they say more about what ran than about the configuration. Non-heap is code, metaspace and "
            + "the like; threads cost their stacks.";

    static final String START = "Start: launch to the first answered request, and the resident memory of all the "
            + "configuration's JVMs then; with several processes, the slowest (when the configuration could serve) and "
            + "the sum (what all the starts cost, as they share the CPUs). Time to peak: from the JVM's start to the "
            + "end of its first warm-up, when throughput had settled.";

    static final String OPEN = "Open load: requests fall due on a fixed schedule whatever the server does. Latency is "
            + "measured from each request's intended send time (the schedule, as wrk2 does) and, as service time, from "
            + "its actual send; a closed loop (each user waits for its answer before sending again) stops asking while "
            + "the server stalls, so its percentiles hide what the schedule shows (coordinated omission).";

    static final String CAPACITY = "Capacity at SLO: the highest offered rate at which the percentile of the latency "
            + "from intended send time stays within the target, walking up from the lowest rate and stopping at the "
            + "first one past it; \"at least\" when every rate met it. A rate's repetitions are merged, never averaged; "
            + "failed and unsent requests count as slower than any answer; a repetition the injector was late in "
            + "(INJECTOR_LATE) is left out, and a rate with a repetition not measured (the server died or hung) is past "
            + "the target.";

    static final String CALIBRATION = "Calibration: a fixed CPU workload run on the server's CPUs at the start and at "
            + "the end of the sweep; a drift between them means the machine, not the frameworks, changed.";

    private Notes() {
    }

    static Map<String, String> all() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("oneRepetitionEach", ONE_REPETITION_EACH);
        notes.put("stability", STABILITY);
        notes.put("warmUp", WARM_UP);
        notes.put("repeatCv", REPEAT_CV);
        notes.put("memory", MEMORY);
        notes.put("start", START);
        notes.put("open", OPEN);
        notes.put("capacity", CAPACITY);
        notes.put("calibration", CALIBRATION);
        return notes;
    }
}
