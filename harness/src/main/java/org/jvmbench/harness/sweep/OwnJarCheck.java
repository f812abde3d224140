package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.server.ReadBack;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.server.ServerStartException;

/**
 * Before a sweep with a user's own jar measures anything, each of the jar's configurations is
 * started once, exactly as its forks will start it (pinning, heap, GC, knobs), until it
 * answers its readiness path, is read back, and is stopped. Our apps are known to start; a
 * user's jar that exits at start, never answers its readiness path, or runs other settings than
 * asked is bad input, so it gets one line naming the problem and exit 2 before any point, with
 * nothing left running and no run folder, rather than a sweep of points recorded as
 * {@code SERVER_DIED}. What it costs: one start per configuration of the jar.
 */
final class OwnJarCheck {

    private OwnJarCheck() {
    }

    /**
     * Starts and stops each own-jar configuration of {@code plan} once, saying on {@code out} what
     * it runs as read back.
     *
     * @throws IllegalArgumentException naming the jar and the problem, when one does not start as asked
     */
    static void run(Plan plan, ServerLauncher launcher, PrintWriter out) throws IOException, InterruptedException {
        Set<ServerSpec> jars = new LinkedHashSet<>();
        for (Fork fork : plan.forks()) {
            if (fork.spec().ownJar() != null) {
                jars.add(fork.spec());
            }
        }
        for (ServerSpec spec : jars) {
            check(spec, launcher, out);
        }
    }

    private static void check(ServerSpec spec, ServerLauncher launcher, PrintWriter out) throws IOException, InterruptedException {
        String jar = spec.ownJar().jar().getFileName() + " (" + spec.engine() + ")";
        Path logs = Files.createTempDirectory("bench-jar-check-");
        ServerSpec once = spec.withPort(ServerLauncher.freePorts(spec.bind(), spec.processes()));
        try (RunningServer server = launcher.start(once, new RunFolder.ForkFiles(logs))) {
            RunningServer.Instance first = server.instances().getFirst();
            out.printf(Locale.ROOT, "%s answers %s after %.1f s; %s%n", jar, spec.ownJar().readiness(), first.firstAnswerNanos() / 1e9,
                    describe(first.readBack()));
            out.flush();
        } catch (ServerStartException e) {
            Path log = new RunFolder.ForkFiles(logs).serverLog(0, spec.processes());
            throw new IllegalArgumentException(jar + ": " + problem(e.getMessage(), log) + "; its log: " + log);
        }
        new RunFolder.ForkFiles(logs).delete();
    }

    /** The knobs in one line: each as read back, or said to be unverified. */
    static String describe(ReadBack readBack) {
        return readBack.items().stream().filter(i -> i.knob() != Knob.APP)
                .map(i -> i.knob().key() + " " + i.describe()).collect(Collectors.joining("; "));
    }

    /**
     * The launcher's first line without its URL and log tail, and the log line that says most:
     * Spring Boot's failure analysis ("Description:" and the line after it), else the first
     * error or exception line, else the last line.
     */
    static String problem(String message, Path log) {
        String first = message == null ? "did not start" : message.lines().findFirst().orElse("did not start");
        first = first.replaceFirst("^the server on \\S+ ", "").replaceFirst("; (last lines of|see) .*$", "");
        // a jar that exited says why in its log; one still running has only its startup lines there
        String telling = first.contains("exited") ? tellingLine(log) : null;
        return telling == null ? first : first + ": " + telling;
    }

    static String tellingLine(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return null;
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("Description:")) {
                return shorten(lines.get(i + 1));
            }
        }
        for (String line : lines) {
            if (line.matches(".*(Exception|Error|error:|Unrecognized).*")) {
                return shorten(line);
            }
        }
        return lines.isEmpty() ? null : shorten(lines.getLast());
    }

    private static String shorten(String line) {
        return line.length() <= 240 ? line : line.substring(0, 237) + "...";
    }
}
