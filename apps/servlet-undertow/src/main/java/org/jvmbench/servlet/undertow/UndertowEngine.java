package org.jvmbench.servlet.undertow;

import java.util.concurrent.ForkJoinPool;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine-side beans: the pools /cpu fans out on. */
@Configuration(proxyBeanMethods = false)
class UndertowEngine {

    @Bean(destroyMethod = "shutdownNow")
    ForkJoinPool cpuSplitPool() {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @Bean
    CpuSplitExecutors cpuSplitExecutors(ForkJoinPool cpuSplitPool,
                                        @Value("${bench.starvation:false}") boolean starvation) {
        return new CpuSplitExecutors(cpuSplitPool, starvation);
    }
}
