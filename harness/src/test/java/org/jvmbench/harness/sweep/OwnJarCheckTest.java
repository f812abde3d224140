package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A jar refused before a sweep says in one line what went wrong, quoting the line of its log
 * that says most. The logs are real: the example app started with a property it cannot bind,
 * and a JVM given an option it does not know.
 */
class OwnJarCheckTest {

    private static Path log(String name) throws URISyntaxException {
        return Path.of(OwnJarCheckTest.class.getResource("/own-jar/" + name).toURI());
    }

    @Test
    void aSpringBootFailureIsQuotedFromItsFailureAnalysis() throws Exception {
        String problem = OwnJarCheck.problem("the server on http://127.0.0.1:41234 exited with code 1 before answering /actuator/health; "
                + "last lines of /tmp/x/server.log:\nAPPLICATION FAILED TO START", log("failed-to-start.log"));

        assertThat(problem).isEqualTo("exited with code 1 before answering /actuator/health: Failed to bind properties under "
                + "'spring.main.web-application-type' to org.springframework.boot.WebApplicationType:");
    }

    @Test
    void aJvmThatRefusesToStartIsQuotedFromItsFirstError() throws Exception {
        String problem = OwnJarCheck.problem("the server on http://127.0.0.1:41234 exited with code 1 before answering /actuator/health; "
                + "last lines of /tmp/x/server.log:", log("bad-jvm-option.log"));

        assertThat(problem).isEqualTo("exited with code 1 before answering /actuator/health: Unrecognized VM option 'NoSuchOption'");
    }

    @Test
    void aJarStillRunningIsNotExplainedByItsStartupLines() throws Exception {
        String problem = OwnJarCheck.problem("the server on http://127.0.0.1:41234 did not answer /nowhere with 200 within 10 s "
                + "(it answered 404); see /tmp/x/server.log", log("failed-to-start.log"));

        assertThat(problem).isEqualTo("did not answer /nowhere with 200 within 10 s (it answered 404)");
    }
}
