package org.jvmbench.loadtests.injector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves phases, one {@link PhaseCommand} a line, until {@link PhaseCommand#EXIT_LINE} or the
 * end of input. An {@link PhaseCommand#awaitLine await} line is answered with a ready line on
 * stdout (the start barrier of several injectors). Each command becomes one Gatling run whose result file is written even when the
 * run fails; only a line without a usable {@code out} goes unanswered (it is logged).
 */
public final class PhaseLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseLoop.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Jackson from Gatling's own classpath, strict: every field present, no field unknown, no
     * number from a string or a fraction. A command the harness did not mean is refused whole.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /**
     * The exit code when a run's result file cannot be written (a full disk): the harness waits
     * for that file, and an injector that goes on serving would keep it waiting until its
     * deadline; exiting tells it at once that no answer is coming.
     */
    public static final int CANNOT_ANSWER = 3;

    private final Function<PhaseCommand, PhaseOutcome> runner;
    private final PrintStream answers;

    /** Runs each phase as an in-process Gatling run. */
    public PhaseLoop() {
        this(GatlingPhase::run);
    }

    PhaseLoop(Function<PhaseCommand, PhaseOutcome> runner) {
        this(runner, System.out);
    }

    /** @param answers where the start barrier's ready lines go: the process's stdout, which the harness reads */
    PhaseLoop(Function<PhaseCommand, PhaseOutcome> runner, PrintStream answers) {
        this.runner = runner;
        this.answers = answers;
    }

    /** Reads commands until exit or end of input; returns the process exit code: 0, or {@link #CANNOT_ANSWER}. */
    public int serve(BufferedReader commands) throws IOException {
        LOG.info("injector ready: pid {}, {} cpus, max heap {} MiB", ProcessHandle.current().pid(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = JSON.readTree(line);
            } catch (IOException e) {
                LOG.error("ignoring a line that is not JSON: {}", line);
                continue;
            }
            if (json.path("exit").asBoolean(false)) {
                LOG.info("exit requested");
                return 0;
            }
            if (json.hasNonNull("await")) {
                // the start barrier: idle and reading, so the command that follows starts as its line arrives
                answers.println(PhaseCommand.READY_PREFIX + json.get("await").asText());
                answers.flush();
                continue;
            }
            if (!handle(json)) {
                return CANNOT_ANSWER;
            }
        }
        LOG.info("end of input");
        return 0;
    }

    /** Binds a line already parsed as JSON; the message names the first missing or invalid field. */
    static PhaseCommand read(JsonNode json) {
        try {
            return JSON.treeToValue(json, PhaseCommand.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).reduce((a, b) -> a + "." + b).orElse("");
            String problem = e.getOriginalMessage().lines().findFirst().orElse("not a command");
            throw new IllegalArgumentException(field.isEmpty() ? problem : "'" + field + "': " + problem, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Runs one command; false when its result could not be written. */
    private boolean handle(JsonNode json) {
        PhaseCommand command;
        try {
            command = read(json);
        } catch (IllegalArgumentException e) {
            answerInvalid(json, e.getMessage());
            return true;
        }
        LOG.info("run {}: {} x {} ms on {} {}, report {}", command.id(), describeLoad(command),
                command.durationMs(), command.baseUrls(), command.paths(), command.report());
        long started = System.nanoTime();
        PhaseOutcome outcome;
        try (RunConsole console = RunConsole.to(command.log() == null ? null : Path.of(command.log()))) {
            outcome = runner.apply(command);
        } catch (RuntimeException | Error | IOException e) {
            outcome = PhaseOutcome.failed(command.id(), e.toString());
        }
        try {
            ResultFile.write(outcome.toResult(), Path.of(command.out()));
        } catch (IOException | RuntimeException e) {
            LOG.error("run {}: cannot write {}; exiting, as no answer can reach the harness", command.id(), command.out(), e);
            return false;
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info("run {} done in {} ms (overhead {} ms beyond the duration): {} requests, ok {}, ko {}, error {}, {} live threads",
                command.id(), tookMs, tookMs - command.durationMs(), outcome.recording().requests(),
                outcome.recording().ok(), outcome.recording().ko(), outcome.error(), THREADS.getThreadCount());
        return true;
    }

    private static String describeLoad(PhaseCommand command) {
        return switch (command.model()) {
            case CLOSED -> command.users() + " users";
            case OPEN -> command.ratePerSecond() + " req/s over " + command.connections() + " connections";
        };
    }

    /** A broken command still gets a result file if it says where, so the harness is not left waiting. */
    private static void answerInvalid(JsonNode json, String problem) {
        String id = json.path("id").asText("?");
        String out = json.path("out").asText("");
        LOG.error("invalid command {}: {}", id, problem);
        if (out.isBlank() || !Path.of(out).isAbsolute()) {
            return;
        }
        try {
            ResultFile.write(PhaseOutcome.failed(id, "invalid command: " + problem).toResult(), Path.of(out));
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write {}", out, e);
        }
    }
}
