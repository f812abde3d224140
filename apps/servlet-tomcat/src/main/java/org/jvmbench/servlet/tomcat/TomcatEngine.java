package org.jvmbench.servlet.tomcat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.catalina.util.ServerInfo;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.jvmbench.servlet.engine.Knobs;
import org.jvmbench.servlet.engine.ServletEngine;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat's knobs and readings, from the protocol handler of the running connector and the
 * executor it actually runs requests on. Tomcat (10.1, NIO) has no IO-thread count to set: one
 * poller thread watches every connection, so {@code workers} is null. With virtual threads
 * Spring Boot hands Tomcat an external virtual-thread executor and the thread-pool properties
 * no longer apply: {@code threads} and {@code minThreads} read null then.
 */
@Component
class TomcatEngine implements ServletEngine {

    private final ServletWebServerApplicationContext context;
    private final Knobs requested;

    TomcatEngine(ServletWebServerApplicationContext context, Environment environment) {
        this.context = context;
        this.requested = new Knobs(null,
                environment.getProperty("server.tomcat.threads.max", Integer.class),
                environment.getProperty("server.tomcat.threads.min-spare", Integer.class),
                environment.getProperty("server.tomcat.max-connections", Integer.class),
                environment.getProperty("server.tomcat.accept-count", Integer.class),
                null, null);
    }

    private AbstractProtocol<?> protocol() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        return (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
    }

    @Override
    public String name() {
        return "tomcat";
    }

    @Override
    public String version() {
        // "Apache Tomcat/10.1.55": the number, as the other engines give theirs.
        String info = ServerInfo.getServerInfo();
        return info.substring(info.indexOf('/') + 1);
    }

    @Override
    public Knobs requested() {
        return requested;
    }

    @Override
    public Knobs effective() {
        AbstractProtocol<?> protocol = protocol();
        Integer threads = null;
        Integer minThreads = null;
        if (protocol.getExecutor() instanceof ThreadPoolExecutor pool) {
            threads = pool.getMaximumPoolSize();
            minThreads = pool.getCorePoolSize();
        }
        return new Knobs(null, threads, minThreads, protocol.getMaxConnections(), protocol.getAcceptCount(),
                null, null);
    }

    @Override
    public Map<String, Object> detail() {
        AbstractProtocol<?> protocol = protocol();
        Executor executor = protocol.getExecutor();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("tomcat.protocol", protocol.getClass().getSimpleName());
        detail.put("tomcat.executor", executor.getClass().getName());
        if (executor instanceof ThreadPoolExecutor pool) {
            detail.put("tomcat.executor.corePoolSize", pool.getCorePoolSize());
            detail.put("tomcat.executor.maximumPoolSize", pool.getMaximumPoolSize());
            detail.put("tomcat.executor.poolSize", pool.getPoolSize());
            detail.put("tomcat.executor.activeCount", pool.getActiveCount());
            detail.put("tomcat.executor.queueSize", pool.getQueue().size());
        }
        detail.put("tomcat.maxConnections", protocol.getMaxConnections());
        detail.put("tomcat.connectionCount", protocol.getConnectionCount());
        detail.put("tomcat.acceptCount", protocol.getAcceptCount());
        if (protocol instanceof AbstractHttp11Protocol<?> http) {
            // the knob maxKeepAliveRequests, read back under its key: Tomcat closes a connection after this many
            detail.put("maxKeepAliveRequests", http.getMaxKeepAliveRequests());
        }
        return detail;
    }

    @Override
    public Executor requestPool() {
        return protocol().getExecutor();
    }

    @Override
    public String requestPoolName() {
        return "Tomcat executor";
    }
}
