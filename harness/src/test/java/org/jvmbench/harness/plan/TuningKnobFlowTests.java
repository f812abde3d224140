package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jvmbench.harness.server.ServerCommandLine;
import org.jvmbench.harness.settings.Knob;
import org.junit.jupiter.api.Test;

/**
 * A tuning knob declared in the table reaches every layer without one of them naming it: the
 * sweep file's key, the plan's axis, the configuration's id and label, the spec's rules and the
 * server's command line. Shown on the knob added last, Tomcat's maxKeepAliveRequests.
 */
class TuningKnobFlowTests {

    private static Plan plan(String servers) {
        String yaml = """
                duration: 10s
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                """ + servers;
        return Plan.of(SweepReader.parse(yaml, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2));
    }

    @Test
    void aTableKnobIsAnAxisOfTheSweepFileNamedInIdsAndLabelsAndSetOnTheCommandLine() {
        Plan plan = plan("""
                  - app: servlet
                    engine: tomcat
                    maxKeepAliveRequests: [100, -1]
                """);

        assertThat(plan.forks()).extracting(Fork::id).containsExactly("servlet-tomcat-p1-wdef-tdef-ka100-r1",
                "servlet-tomcat-p1-wdef-tdef-ka-1-r1");
        Fork unlimited = plan.forks().get(1);
        assertThat(unlimited.points().getFirst().key().configuration().settings()).isEqualTo("ka-1");
        assertThat(unlimited.spec().tuning().get(Knob.MAX_KEEP_ALIVE_REQUESTS)).isEqualTo(-1);
        List<String> command = ServerCommandLine.of(unlimited.spec(), 0, "java", Path.of("app.jar"));
        assertThat(command.subList(command.indexOf("-jar"), command.size()))
                .contains("--server.tomcat.max-keep-alive-requests=-1");
    }

    @Test
    void aTableKnobIsRefusedWhereItsEngineHasNoneAndOutsideItsKindNamingItsPlace() {
        assertThatThrownBy(() -> plan("""
                  - app: servlet
                    maxKeepAliveRequests: 100
                """)).hasMessage("sweeps/t.yaml: servers[0].maxKeepAliveRequests: does not apply to undertow");
        assertThatThrownBy(() -> plan("""
                  - app: servlet
                    engine: tomcat
                    maxKeepAliveRequests: [100, 0]
                """)).hasMessage("sweeps/t.yaml: servers[0].maxKeepAliveRequests[1]: must be at least 1, or -1 for no limit, got 0");
        assertThatThrownBy(() -> plan("""
                  - app: servlet
                    engine: tomcat
                    maxKeepAliveRequests: lots
                """)).hasMessage("sweeps/t.yaml: servers[0].maxKeepAliveRequests: expected a whole number, at least 1, "
                + "or -1 for no limit, got 'lots'");
    }
}
