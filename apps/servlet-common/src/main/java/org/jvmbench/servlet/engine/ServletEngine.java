package org.jvmbench.servlet.engine;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What the shared Spring MVC code needs from the servlet engine under it: each engine module
 * (servlet-undertow, servlet-tomcat, servlet-jetty) provides one bean. The controllers, the
 * error handling and the /cpu work are the same on every engine; only these readings differ.
 */
public interface ServletEngine {

    /** The engine as {@code /info} names it: {@code undertow}, {@code tomcat}, {@code jetty}. */
    String name();

    /** The engine's own version string. */
    String version();

    /** The engine's knobs as the launch set them, from its Spring Boot properties; null where not set. */
    Knobs requested();

    /**
     * The engine's knobs as the running engine has them, never echoed from configuration; null
     * where the engine has no such knob. Called on the thread of an {@code /info} request.
     */
    Knobs effective();

    /** Engine-specific readings under the engine's own names, in a stable order, for {@code /info}'s detail. */
    Map<String, Object> detail();

    /**
     * The bounded pool that runs request handlers, for starvation mode: subtasks queued on it
     * wait behind the very requests that wait for them. Called on a (platform) request thread.
     */
    Executor requestPool();

    /** How {@link #requestPool()} is named in {@code /info}. */
    String requestPoolName();
}
