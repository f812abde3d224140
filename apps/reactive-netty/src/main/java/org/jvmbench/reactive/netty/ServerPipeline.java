package org.jvmbench.reactive.netty;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts {@link Http11Conformance} into every HTTP/1.1 connection's pipeline, in front of Reactor Netty's traffic handler. */
@Configuration(proxyBeanMethods = false)
class ServerPipeline {

    static final String HANDLER_NAME = "jvmbench.http11Conformance";

    @Bean
    NettyServerCustomizer http11Conformance() {
        // doOnChannelInit runs after Reactor Netty has set up its own HTTP handlers.
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER_NAME, new Http11Conformance());
            }
        });
    }
}
