package org.jvmbench.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.prerequisite.Prerequisite;
import org.jvmbench.harness.result.PointResult;

/**
 * A disk that fills in the middle of a sweep, on a small tmpfs as the run folder: it used to be
 * recorded as {@code SERVER_HUNG} on the next point, which a resume then never measured. A
 * harness that cannot write must stop with exit 1 naming the folder and the reason, keep what
 * it wrote whole, and leave the point it could not finish to {@code --resume}.
 * <p>
 * Mounting needs root and a kernel that lets this machine mount a tmpfs; elsewhere the test is
 * skipped, saying why (and fails under CI, see {@link Prerequisite}).
 */
class DiskFullIT {

    /** Room for the run folder's first point (about 1 MiB) many times over; what is left is filled. */
    private static final String SIZE = "32m";
    /**
     * The injector that cannot write a point's result exits, and the harness stops at once; at
     * the latest (an injector that hangs instead) at the point's deadline: duration + request timeout + 60 s.
     */
    private static final Duration STOPS = Duration.ofSeconds(150);
    private static final Duration SWEEP = Duration.ofSeconds(150);

    private static Path dir;
    private static Path mount;
    private static boolean mounted;
    private static final List<BenchProcess> STARTED = new ArrayList<>();

    @BeforeAll
    static void mountASmallTmpfs() throws Exception {
        dir = Files.createTempDirectory("disk-full-it-");
        mount = Files.createDirectories(dir.resolve("disk"));
        String uid = run("id", "-u").strip();
        if (!uid.equals("0")) {
            Prerequisite.missing("mounting a tmpfs needs root; this test runs as uid " + uid);
        }
        Process mountTmpfs = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mountTmpfs.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (mountTmpfs.waitFor() != 0) {
            Prerequisite.missing("cannot mount a " + SIZE + " tmpfs on " + mount + ": " + said);
        }
        mounted = true;
    }

    @AfterAll
    static void unmount() throws Exception {
        STARTED.forEach(BenchProcess::killSurvivors);
        if (mounted) {
            // lazily if something still holds it open: the mount must not outlive the test
            if (new ProcessBuilder("umount", mount.toString()).start().waitFor() != 0) {
                new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aFullDiskStopsTheSweepWithExitOneKeepsWhatWasWrittenAndResumeMeasuresTheRest() throws Exception {
        Path sweepFile = TinySweep.write(dir.resolve("work"));
        Path runFolder = mount.resolve("run");
        Path tmp = dir.resolve("tmp");
        BenchProcess sweep = bench("sweep", tmp, "sweep", sweepFile.toString(), "--out", runFolder.toString());

        assertThat(BenchProcess.await(SWEEP, () -> !sweep.alive() || TinySweep.completeLines(runFolder) == 1))
                .as("the first point is written; %s", sweep.output()).isTrue();
        assertThat(sweep.alive()).as(sweep.output()).isTrue();
        Path filler = mount.resolve("filler");
        fill(filler);

        assertThat(sweep.exit(STOPS)).as(sweep.output()).isEqualTo(1);
        List<String> errors = sweep.stderr().lines().toList();
        assertThat(errors).as(sweep.output()).containsExactly("bench: cannot write into " + runFolder + ": No space left on device");
        assertThat(sweep.survivorsAfter(Duration.ofSeconds(5))).as("processes of the stopped sweep").isEmpty();

        // what was written is whole: the first point, the plan, the environment; no temporary file
        assertThat(TinySweep.results(runFolder)).extracting(PointResult::id).containsExactly(TinySweep.FIRST);
        ObjectMapper json = new ObjectMapper();
        json.readTree(runFolder.resolve("sweep.json").toFile());
        json.readTree(runFolder.resolve("environment.json").toFile());
        try (Stream<Path> files = Files.walk(runFolder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp") || name.equals(".write-probe"));
        }

        Files.delete(filler);
        BenchProcess resume = bench("resume", tmp, "sweep", "--resume", runFolder.toString());

        assertThat(resume.exit(SWEEP)).as(resume.output()).isZero();
        assertThat(resume.stdout()).contains("(1 already done)");
        List<PointResult> all = TinySweep.results(runFolder);
        assertThat(all).extracting(PointResult::id).containsExactly(TinySweep.FIRST, TinySweep.SECOND);
        TinySweep.measuredWithoutServerFault(all.get(1));
        assertThat(resume.survivorsAfter(Duration.ofSeconds(5))).as("processes of the resume").isEmpty();
    }

    private static BenchProcess bench(String name, Path tmp, String... args) throws IOException {
        BenchProcess bench = BenchProcess.start(dir.resolve("work"), tmp, name, args);
        STARTED.add(bench);
        return bench;
    }

    /** Writes {@code file} until the file system refuses another byte. */
    private static void fill(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int chunk : new int[] {1 << 20, 4096, 1}) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                    }
                } catch (IOException full) {
                    // the next, smaller chunk takes what is left
                }
            }
        } catch (IOException closingAFullFile) {
            // nothing buffered is lost that matters: the file exists to take space
        }
        assertThat(Files.getFileStore(file).getUsableSpace()).as("space left after filling").isZero();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
