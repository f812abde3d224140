package org.jvmbench.loadtests.injector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The long-lived load injector: one JVM for a whole sweep, so Gatling and Netty stay warm
 * between runs. Commands arrive on stdin, results leave as files (see {@link PhaseLoop});
 * stdout and stderr are only a log.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
 *     --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
 *     --enable-native-access=ALL-UNNAMED [--sun-misc-unsafe-memory-access=allow, JDK 24+ only] \
 *     -cp loadtests/target/classes:$(cat loadtests/target/classpath.txt) \
 *     org.jvmbench.loadtests.injector.InjectorMain &lt; commands &gt; injector.log 2&gt;&amp;1
 * </pre>
 *
 * See loadtests/README.md for why each option is there.
 */
public final class InjectorMain {

    private InjectorMain() {
    }

    /** Classpath resource with the injector's logging setup, unless -Dlogback.configurationFile says otherwise. */
    static final String LOGGING_CONFIG = "injector-logback.xml";

    public static void main(String[] args) throws IOException {
        // Before anything touches SLF4J, which configures logback once, on first use.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIG);
        }
        // exit() rather than return: Gatling may leave non-daemon threads behind.
        System.exit(new PhaseLoop().serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))));
    }
}
