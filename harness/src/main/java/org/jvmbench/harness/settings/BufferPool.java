package org.jvmbench.harness.settings;

import java.util.Locale;

/**
 * Undertow's byte-buffer pool. Its default keeps a cache of buffers per thread, and virtual
 * threads are one per request, so under load buffers pile up in caches nobody uses again
 * until a full collection frees them (Spring Boot issue 39812); {@code uncached} is the same
 * pool with no per-thread cache and a shared queue instead (apps/README.md has the measurement).
 */
public enum BufferPool {
    DEFAULT, UNCACHED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BufferPool parse(String text) {
        for (BufferPool pool : values()) {
            if (pool.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return pool;
            }
        }
        throw new IllegalArgumentException("unknown buffer pool '" + text + "' (expected default or uncached)");
    }

    @Override
    public String toString() {
        return id();
    }
}
