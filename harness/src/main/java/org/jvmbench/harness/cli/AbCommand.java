package org.jvmbench.harness.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.sweep.AbJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"A against B with the paired design: both kept warm, measured in rounds of slices in a random order,",
                "and one verdict line with the throughput ratio B/A and its 95 % interval.",
                "Either two Spring Boot jars (A.jar B.jar), or one sweep file naming exactly two configurations",
                "(the first is A; the file says design: paired). The same jar or configuration twice is an A/A run.",
                "Exit 3 when B's whole interval is slower than A by more than --threshold: a regression gate."})
final class AbCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "A.jar B.jar | FILE", arity = "1..2", description = "two jars, or one sweep file or name")
    List<String> sides = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "E", description = "the web server both jars run on (tomcat, undertow, jetty, netty); "
            + "default ${DEFAULT-VALUE}, Spring Boot's own")
    String engine = "tomcat";

    @Option(names = "--endpoint", paramLabel = "PATH", description = "the path both jars serve; default ${DEFAULT-VALUE}")
    String endpoint = "/json";

    @Option(names = "--users", paramLabel = "N", description = "closed-model users; default ${DEFAULT-VALUE}")
    int users = 64;

    @Option(names = "--forks", paramLabel = "N", description = "fresh JVMs of each side, paired fork by fork; default ${DEFAULT-VALUE}")
    int forks = Defaults.AB_FORKS;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds per fork; default " + Defaults.PAIRED_ROUNDS)
    Integer rounds;

    @Option(names = "--slice", paramLabel = "D", description = "each side's turn in a round, e.g. 5s; default 5s")
    Duration slice;

    @Option(names = "--warmup", paramLabel = "D", description = "the cap of each warm-up (it ends when the server settles)")
    Duration warmup;

    @Option(names = "--readiness", paramLabel = "PATH", description = "a path answering 200 once a jar is up; default Actuator's health")
    String readiness;

    @Option(names = "--seed", paramLabel = "N", description = "the rounds' order; default a fresh one, recorded in the run")
    Long seed;

    @Option(names = "--threshold", paramLabel = "RATIO", description = "how much slower B may be before exit 3; default 0.03")
    double threshold = Defaults.PAIRED_THRESHOLD;

    @Option(names = "--out", paramLabel = "DIR", description = "write the run here instead of reports/<timestamp>-ab/")
    Path out;

    @Override
    public Integer call() throws Exception {
        AbJob.Options options = AbJob.Options.builder().engine(engine).endpoint(endpoint).users(users).rounds(rounds)
                .slice(slice).forks(forks).warmup(warmup).readiness(readiness).seed(seed).threshold(threshold).out(out)
                .build();
        AbJob ab = AbJob.create(command.commandLine().getOut());
        if (sides.size() == 2) {
            return ab.jars(Path.of(sides.get(0)), Path.of(sides.get(1)), options);
        }
        if (sides.getFirst().endsWith(".jar")) {
            throw new ParameterException(command.commandLine(), "ab takes two jars (A.jar B.jar) or one sweep file, got one jar");
        }
        return ab.file(sides.getFirst(), options);
    }
}
