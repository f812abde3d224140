package org.jvmbench.loadtests.injector;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Gatling ends every run with {@code LoggerContext.stop()}, as if the JVM were about to exit.
 * A stopped context drops every appender and resets levels to DEBUG, so later runs would lose
 * their log and pay for debug-level checks in Netty and Gatling. This puts logback.xml back.
 */
final class Logging {

    private Logging() {
    }

    static void restartIfStopped() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !context.isStarted()) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                System.err.println("[injector] cannot reload logback.xml: " + e);
            }
            context.start();
        }
    }
}
