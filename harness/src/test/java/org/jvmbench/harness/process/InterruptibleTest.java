package org.jvmbench.harness.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InterruptibleTest {

    /** Bit of SIGINT (2) in /proc's signal masks. */
    private static final long SIGINT_BIT = 1L << (2 - 1);

    private static final List<String> IGNORED_SIGNALS = List.of("grep", "SigIgn", "/proc/self/status");

    @Test
    void aCommandStartedThroughItHasSigintAtItsDefaultThoughItsParentIgnoredIt() throws Exception {
        assertThat(ignoredUnderABackgroundShell(IGNORED_SIGNALS) & SIGINT_BIT)
                .as("without it, a shell's background job passes SIGINT on ignored").isEqualTo(SIGINT_BIT);

        assertThat(ignoredUnderABackgroundShell(Interruptible.command(IGNORED_SIGNALS)) & SIGINT_BIT).isZero();
    }

    @Test
    void theProcessStartedIsTheCommandItselfSoItsPidIsTheOneToSignal() throws Exception {
        Process process = new ProcessBuilder(Interruptible.command(List.of("sh", "-c", "echo $$"))).start();

        assertThat(output(process).strip()).isEqualTo(Long.toString(process.pid()));
    }

    /** The SigIgn mask {@code command} reports when a shell that ignores SIGINT (as {@code &} makes it) execs it. */
    private static long ignoredUnderABackgroundShell(List<String> command) throws Exception {
        List<String> shell = new ArrayList<>(List.of("bash", "-c", "trap '' INT; exec \"$@\"", "bash"));
        shell.addAll(command);
        String line = output(new ProcessBuilder(shell).start());
        assertThat(line).startsWith("SigIgn:");
        return Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
    }

    private static String output(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
