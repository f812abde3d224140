package org.jvmbench.servlet.web;

import org.jvmbench.common.ExtraCpu;
import org.jvmbench.common.RequestCounters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    RequestCounters requestCounters() {
        return new RequestCounters();
    }

    /**
     * The known slowdown of {@code --bench.extra-cpu-micros} (0, absent: none), calibrated here
     * on the starting thread, once, before the first request.
     */
    @Bean
    ExtraCpu extraCpu(@Value("${bench.extra-cpu-micros:0}") long micros) {
        return ExtraCpu.calibrated(micros);
    }
}
