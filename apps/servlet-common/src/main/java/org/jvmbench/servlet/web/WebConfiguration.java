package org.jvmbench.servlet.web;

import org.jvmbench.common.RequestCounters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    RequestCounters requestCounters() {
        return new RequestCounters();
    }
}
