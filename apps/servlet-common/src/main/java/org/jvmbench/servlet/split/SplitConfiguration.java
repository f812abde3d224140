package org.jvmbench.servlet.split;

import java.util.concurrent.ForkJoinPool;
import org.jvmbench.servlet.engine.ServletEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pools /cpu fans out on. */
@Configuration(proxyBeanMethods = false)
class SplitConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ForkJoinPool cpuSplitPool() {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @Bean
    CpuSplitExecutors cpuSplitExecutors(ForkJoinPool cpuSplitPool, ServletEngine engine,
                                        @Value("${bench.starvation:false}") boolean starvation) {
        return new CpuSplitExecutors(cpuSplitPool, starvation, engine::requestPool, engine.requestPoolName());
    }
}
