package org.jvmbench.common;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.Set;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.protocol.info.JvmCounters;

/**
 * What both apps put into {@code /info} about their JVM and process: the same code for both,
 * so their bodies differ only in what their engines report.
 */
public final class JvmFacts {

    /**
     * {@code -D} properties whose values {@code /info} shows: the ones the harness itself sets.
     * Any other property shows its name only: a secret passed as {@code -Dtoken=...} is not served
     * to whoever can reach the port.
     */
    static final Set<String> SHOWN_PROPERTIES = Set.of(
            "reactor.netty.ioWorkerCount",
            "reactor.schedulers.defaultPoolSize",
            "reactor.schedulers.defaultBoundedElasticOnVirtualThreads",
            "reactor.schedulers.defaultBoundedElasticSize");

    static final String HIDDEN = "<hidden>";

    private JvmFacts() {
    }

    /** The whole body: the app's own readings plus this JVM's facts and counters. */
    public static InfoBody info(String app, String engine, String springBootVersion, String engineVersion,
                                InfoBody.Requested requested, InfoBody.Effective effective, RequestCounters counters) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        return new InfoBody(app, engine,
                new InfoBody.Versions(springBootVersion, engineVersion, System.getProperty("java.version")),
                ProcessHandle.current().pid(),
                new InfoBody.Jvm(runtime.getVmVersion(), runtime.getVmVendor(), visible(runtime.getInputArguments())),
                Runtime.getRuntime().availableProcessors(),
                requested, effective, counters.snapshot(), runtime.getUptime(), counters());
    }

    /** The JVM's cumulative JIT, GC, memory and thread counters, read now. */
    public static JvmCounters counters() {
        var compilation = ManagementFactory.getCompilationMXBean();
        long compilationMs = compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : -1;
        List<JvmCounters.Collector> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> new JvmCounters.Collector(gc.getName(), Math.max(0, gc.getCollectionCount()),
                        Math.max(0, gc.getCollectionTime())))
                .toList();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (collected != null) {
                afterGc += collected.getUsed();
            }
        }
        long directCount = 0;
        long directBytes = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                directCount = pool.getCount();
                directBytes = pool.getMemoryUsed();
            }
        }
        return new JvmCounters(ManagementFactory.getRuntimeMXBean().getStartTime(), compilationMs, collectors,
                new JvmCounters.Memory(heap.getUsed(), heap.getCommitted(), heap.getMax(), afterGc,
                        nonHeap.getUsed(), nonHeap.getCommitted(), directCount, directBytes),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** The JVM's arguments with the value of every {@code -D} the harness did not set replaced by {@link #HIDDEN}. */
    static List<String> visible(List<String> arguments) {
        return arguments.stream().map(JvmFacts::visible).toList();
    }

    private static String visible(String argument) {
        if (!argument.startsWith("-D")) {
            return argument;
        }
        int eq = argument.indexOf('=');
        if (eq < 0) {
            return argument;
        }
        String name = argument.substring(2, eq);
        return SHOWN_PROPERTIES.contains(name) ? argument : "-D" + name + "=" + HIDDEN;
    }
}
