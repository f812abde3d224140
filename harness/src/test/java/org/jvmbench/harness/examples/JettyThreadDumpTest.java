package org.jvmbench.harness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.config.ProjectHome;

/**
 * docs/findings.md quotes a thread dump of a stalled Jetty virtual-thread server; the dump and its
 * load's summary are committed (docs/proof/jetty-vt-dump), and the quoted figures are counted again
 * from them here.
 */
class JettyThreadDumpTest {

    private static final Path DUMP = ProjectHome.locate().root().resolve("docs/proof/jetty-vt-dump");

    @Test
    void theFindingsQuoteTheDumpAsCommitted() throws IOException {
        List<String> threads = Files.readAllLines(DUMP.resolve("threads.txt"), StandardCharsets.UTF_8);
        long runnableVirtual = threads.stream().filter(l -> l.startsWith("#") && l.contains("\" virtual RUNNABLE ")).count();
        String timeouts = Files.readAllLines(DUMP.resolve("gatling-4.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("[ClosedLoadSimulation] recorded")).findFirst().orElseThrow()
                .replaceFirst(".*\\{timeout=(\\d+)}.*", "$1");
        String findings = Files.readString(ProjectHome.locate().root().resolve("docs/findings.md"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");

        assertThat(threads).anyMatch(l -> l.startsWith("#") && l.contains("\"SubPoller-0\" virtual"))
                .anyMatch(l -> l.startsWith("#") && l.contains("\"SubPoller-1\" virtual"));
        assertThat(findings).contains("in which " + timeouts + " requests timed out at 10 s: " + runnableVirtual
                + " virtual threads runnable on the one carrier");
    }
}
