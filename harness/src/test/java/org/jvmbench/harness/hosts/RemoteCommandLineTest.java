package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.prerequisite.Prerequisite;

/**
 * The string is run here as sshd would run it (the login shell's {@code -c}), so quoting and
 * the pid line are checked against a real shell, not against another string.
 */
class RemoteCommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void everyArgumentArrivesUnchanged() throws Exception {
        List<String> odd = List.of("a b", "it's", "$HOME", "`id`", "\"q\"", "back\\slash", "", "*", "semi;colon", "new\nline");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "for a in \"$@\"; do printf '[%s]' \"$a\"; done", "sh"));
        command.addAll(odd);

        List<String> lines = runLocally(RemoteCommandLine.of(command, false));

        assertThat(String.join("\n", lines.subList(1, lines.size())))
                .isEqualTo(String.join("", odd.stream().map(a -> "[" + a + "]").toList()));
    }

    @Test
    void theFirstLineIsThePidAndStartTimeOfTheCommandItself() throws Exception {
        List<String> lines = runLocally(RemoteCommandLine.of(List.of("/bin/sh", "-c", "echo $$; cut -d' ' -f22 /proc/$$/stat"), false));

        RemotePid reported = RemotePid.parse(lines.get(0));
        assertThat(lines.get(1)).isEqualTo(Long.toString(reported.pid()));
        assertThat(lines.get(2)).isEqualTo(Long.toString(reported.startTicks()));
    }

    @Test
    void withPdeathsigTheCommandRunsUnderSetprivWithTheSamePid() throws Exception {
        Prerequisite.require(Files.isExecutable(Path.of("/usr/bin/setpriv")), "no /usr/bin/setpriv (util-linux) here");

        // that the signal then acts is shown by RemoteProcessLifetimeIT, against a real sshd
        List<String> lines = runLocally(RemoteCommandLine.of(List.of("/bin/sh", "-c", "echo $$"), true));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(Long.toString(RemotePid.parse(lines.get(0)).pid()));
    }

    @Test
    void aQuotedWordStandsForItself() {
        assertThat(RemoteCommandLine.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(RemoteCommandLine.join(List.of("taskset", "-c", "0,2", "java"))).isEqualTo("'taskset' '-c' '0,2' 'java'");
    }

    /** Runs {@code line} as {@code bash -c}, the way sshd runs a command for a login whose shell is bash. */
    private List<String> runLocally(String line) throws IOException, InterruptedException {
        Path out = tmp.resolve("out.txt");
        Process shell = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
