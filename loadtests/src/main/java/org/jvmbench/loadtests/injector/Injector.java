package org.jvmbench.loadtests.injector;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves commands, one JSON object a line, until {@code {"exit":true}} or the end of input.
 * Each command becomes one Gatling run whose result file is written even when the run fails;
 * only a line without a usable {@code out} goes unanswered (it is logged).
 */
public final class Injector {

    private static final Logger LOG = LoggerFactory.getLogger(Injector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<InjectorCommand, InjectorResult> runner;

    /** Runs each command as an in-process Gatling run. */
    public Injector() {
        this(GatlingRun::run);
    }

    Injector(Function<InjectorCommand, InjectorResult> runner) {
        this.runner = runner;
    }

    /** Reads commands until exit or end of input; returns the process exit code (always 0). */
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
            if (InjectorCommand.isExit(json)) {
                LOG.info("exit requested");
                return 0;
            }
            handle(json);
        }
        LOG.info("end of input");
        return 0;
    }

    private void handle(JsonNode json) {
        InjectorCommand command;
        try {
            command = InjectorCommand.fromJson(json);
        } catch (IllegalArgumentException e) {
            answerInvalid(json, e.getMessage());
            return;
        }
        LOG.info("run {}: {} users x {} ms on {} {}, report {}", command.id(), command.users(),
                command.duration().toMillis(), command.baseUrls(), command.paths(), command.report());
        long started = System.nanoTime();
        InjectorResult result;
        try (RunConsole console = RunConsole.to(command.log())) {
            result = runner.apply(command);
        } catch (RuntimeException | Error | IOException e) {
            result = InjectorResult.failed(command.id(), e.toString());
        }
        try {
            ResultFile.write(result, command.out());
        } catch (IOException | RuntimeException e) {
            LOG.error("run {}: cannot write {}", command.id(), command.out(), e);
            return;
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info("run {} done in {} ms (overhead {} ms beyond the duration): {} requests, ok {}, ko {}, error {}, {} live threads",
                command.id(), tookMs, tookMs - command.duration().toMillis(), result.recording().requests(),
                result.recording().ok(), result.recording().ko(), result.error(), THREADS.getThreadCount());
    }

    /** A broken command still gets a result file if it says where, so the harness is not left waiting. */
    private static void answerInvalid(JsonNode json, String problem) {
        String id = json.path("id").asText("?");
        String out = json.path("out").asText("");
        LOG.error("invalid command {}: {}", id, problem);
        if (out.isBlank() || !java.nio.file.Path.of(out).isAbsolute()) {
            return;
        }
        try {
            ResultFile.write(InjectorResult.failed(id, "invalid command: " + problem), java.nio.file.Path.of(out));
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write {}", out, e);
        }
    }
}
