package org.jvmbench.harness.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jvmbench.harness.result.RunFolder;

/**
 * What the CLI and the sweep runner call: find a sweep, plan it with the command line's
 * overrides, record the resolved sweep in the run folder, and plan it again from there on
 * resume.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The sweep file a user names: a path to a file if one exists there, else
     * {@code <sweepsDir>/<name>.yaml}.
     *
     * @throws SweepFileException naming the sweeps that exist when neither is found
     */
    public static Path sweepFile(Path sweepsDir, String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        if (Files.isDirectory(asPath)) {
            throw new SweepFileException(nameOrPath + ": is a folder, not a sweep file (to continue a run folder use --resume)");
        }
        Path named = sweepsDir.resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        throw new SweepFileException("unknown sweep '" + nameOrPath + "' (available: "
                + String.join(", ", available(sweepsDir)) + ")");
    }

    /** Names of the sweeps in {@code sweepsDir}, sorted. */
    public static List<String> available(Path sweepsDir) {
        if (!Files.isDirectory(sweepsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sweepsDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sweepsDir, e);
        }
    }

    /** Reads, checks and resolves a sweep file, applies the overrides, and expands it. */
    public static Plan plan(Path sweepFile, Overrides overrides, int machineCpus) {
        return Plan.of(seeded(SweepReader.read(sweepFile, machineCpus).withOverrides(overrides)));
    }

    /**
     * A paired sweep without a seed draws one here, before {@link #record} writes it: the run's
     * {@code sweep.json} then holds the seed its rounds' order came from, and running that file
     * again draws the same order.
     */
    static Sweep seeded(Sweep sweep) {
        if (!sweep.inRounds() || sweep.paired().seed() != null) {
            return sweep;
        }
        return sweep.withPairedSeed(new java.security.SecureRandom().nextLong());
    }

    /** Writes the plan's resolved sweep to {@code runDir/sweep.json}, for the record and for resume. */
    public static void record(Plan plan, RunFolder folder) {
        SweepWriter.writeJson(plan.sweep(), folder.sweep());
    }

    /**
     * The full plan of an interrupted run, rebuilt from its {@code sweep.json}; take
     * {@link Plan#remaining} of it with the ids already in the results.
     */
    public static Plan resume(RunFolder folder, int machineCpus) {
        return Plan.of(SweepReader.read(folder.sweep(), machineCpus));
    }
}
