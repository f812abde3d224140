package org.jvmbench.servlet.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jvmbench.common.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the requests both apps refuse ({@link Refusal}) before Spring MVC routes them, and
 * before anything could read a body: the same status and bytes as the reactive app's filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    RefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Refusal> refusal = Refusal.of(request.getMethod(), request.getContentLengthLong(),
                request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null, request.getRequestURI());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Refusal answer = refusal.get();
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(answer.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        if (answer.allow() != null) {
            response.setHeader(HttpHeaders.ALLOW, answer.allow());
        }
        if (answer.closeConnection()) {
            // The announced body stays unread: close rather than let the engine wait to drain it.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.getOutputStream().write(body);
    }
}
