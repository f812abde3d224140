package org.jvmbench.servlet.jetty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jvmbench.servlet.engine.Knobs;
import org.jvmbench.servlet.engine.ServletEngine;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Jetty's knobs and readings, from the running server's connector and thread pool. Jetty's
 * selectors are its IO threads, so they are {@code workers}; its thread pool is the request
 * pool, but its acceptor and selector threads are taken from the same pool, so fewer than
 * {@code threads} are left for requests. With virtual threads Spring Boot installs a
 * {@code VirtualThreadPool}, which still lets only {@code threads} tasks run at once (a
 * semaphore): {@code threads} reads that cap, and {@code minThreads} null.
 */
@Component
class JettyEngine implements ServletEngine {

    /** Jetty's and Spring Boot's word for "no limit" on connections. */
    private static final int UNLIMITED = -1;

    private final ServletWebServerApplicationContext context;
    private final Knobs requested;

    JettyEngine(ServletWebServerApplicationContext context, Environment environment) {
        this.context = context;
        this.requested = new Knobs(
                environment.getProperty("server.jetty.threads.selectors", Integer.class),
                environment.getProperty("server.jetty.threads.max", Integer.class),
                environment.getProperty("server.jetty.threads.min", Integer.class),
                environment.getProperty("server.jetty.max-connections", Integer.class),
                null,
                environment.getProperty("server.jetty.threads.acceptors", Integer.class),
                null);
    }

    private Server server() {
        return ((JettyWebServer) context.getWebServer()).getServer();
    }

    private ServerConnector connector() {
        return (ServerConnector) server().getConnectors()[0];
    }

    @Override
    public String name() {
        return "jetty";
    }

    @Override
    public String version() {
        return Jetty.VERSION;
    }

    @Override
    public Knobs requested() {
        return requested;
    }

    @Override
    public Knobs effective() {
        ThreadPool pool = server().getThreadPool();
        Integer threads = null;
        Integer minThreads = null;
        if (pool instanceof QueuedThreadPool queued) {
            threads = queued.getMaxThreads();
            minThreads = queued.getMinThreads();
        } else if (pool instanceof VirtualThreadPool virtual) {
            threads = virtual.getMaxThreads();
        }
        // Spring Boot adds the limit as a bean only when server.jetty.max-connections is set.
        NetworkConnectionLimit limit = server().getBean(NetworkConnectionLimit.class);
        ServerConnector connector = connector();
        return new Knobs(connector.getSelectorManager().getSelectorCount(), threads, minThreads,
                limit == null ? UNLIMITED : limit.getMaxNetworkConnectionCount(), null, connector.getAcceptors(), null);
    }

    @Override
    public Map<String, Object> detail() {
        ThreadPool pool = server().getThreadPool();
        ServerConnector connector = connector();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("jetty.threadPool", pool.getClass().getSimpleName());
        if (pool instanceof QueuedThreadPool queued) {
            detail.put("jetty.threadPool.minThreads", queued.getMinThreads());
            detail.put("jetty.threadPool.maxThreads", queued.getMaxThreads());
            detail.put("jetty.threadPool.threads", queued.getThreads());
            detail.put("jetty.threadPool.busyThreads", queued.getBusyThreads());
            detail.put("jetty.threadPool.reservedThreads", queued.getReservedThreads());
            detail.put("jetty.threadPool.queueSize", queued.getQueueSize());
        } else if (pool instanceof VirtualThreadPool virtual) {
            detail.put("jetty.threadPool.maxThreads", virtual.getMaxThreads());
        }
        detail.put("jetty.connector.acceptors", connector.getAcceptors());
        detail.put("jetty.connector.selectors", connector.getSelectorManager().getSelectorCount());
        return detail;
    }

    @Override
    public Executor requestPool() {
        return server().getThreadPool();
    }

    @Override
    public String requestPoolName() {
        return "Jetty thread pool";
    }
}
