package org.jvmbench.reactive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jvmbench.common.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers the requests both apps refuse ({@link Refusal}) before WebFlux routes them: the
 * same status and bytes as the servlet app's filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalWebFilter implements WebFilter {

    private final ObjectMapper json;

    RefusalWebFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        Optional<Refusal> refusal = Refusal.of(request.getMethod().name(), headers.getContentLength(),
                headers.containsKey(HttpHeaders.TRANSFER_ENCODING), request.getPath().value());
        if (refusal.isEmpty()) {
            return chain.filter(exchange);
        }
        Refusal answer = refusal.get();
        byte[] body;
        try {
            body = json.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(answer.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        if (answer.allow() != null) {
            response.getHeaders().set(HttpHeaders.ALLOW, answer.allow());
        }
        if (answer.closeConnection()) {
            // The announced body stays unread: close rather than wait for it.
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
