package org.jvmbench.servlet.undertow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Installs the pool {@code --bench.undertow.buffer-pool} names ({@link BufferPool}); without it,
 * or with {@code default}, Undertow builds its own. Spring Boot runs builder customizers after
 * applying its own settings, so the pool set here is the one the listeners get.
 */
@Configuration(proxyBeanMethods = false)
class BufferPoolConfiguration {

    @Bean
    UndertowBuilderCustomizer bufferPool(@Value("${bench.undertow.buffer-pool:default}") BufferPool pool,
                                         ServerProperties server) {
        if (pool == BufferPool.DEFAULT) {
            return builder -> {
            };
        }
        DataSize size = server.getUndertow().getBufferSize();
        Boolean direct = server.getUndertow().getDirectBuffers();
        return builder -> builder.setByteBufferPool(BufferPool.uncached(
                direct != null ? direct : undertowDefaultDirect(),
                size != null ? (int) size.toBytes() : undertowDefaultBufferSize()));
    }

    // The buffers Undertow.Builder picks by itself from the heap size (Undertow 2.3.24), kept here
    // so that the uncached pool differs from the default one in caching only.
    private static boolean undertowDefaultDirect() {
        return Runtime.getRuntime().maxMemory() >= 64L * 1024 * 1024;
    }

    private static int undertowDefaultBufferSize() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        if (maxMemory < 64L * 1024 * 1024) {
            return 512;
        }
        return maxMemory < 128L * 1024 * 1024 ? 1024 : 16 * 1024 - 20;
    }
}
