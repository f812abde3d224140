package org.jvmbench.reactive.web;

import org.jvmbench.common.BadParameterBody;
import org.jvmbench.common.BadParameterException;
import org.jvmbench.common.NotFoundBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Client errors as the shared bodies, so both apps answer them byte for byte alike. */
@RestControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<BadParameterBody> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    /**
     * WebFlux signals "no handler" as a ResponseStatusException(404), and lets controller
     * advice handle errors raised before a handler is chosen. Other statuses (405, 406, ...)
     * go on to Spring Boot's error handler: only their status is part of the contract.
     */
    @ExceptionHandler(ResponseStatusException.class)
    Mono<ResponseEntity<NotFoundBody>> responseStatus(ResponseStatusException e, ServerHttpRequest request) {
        if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
            return Mono.error(e);
        }
        return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(NotFoundBody.of(request.getPath().value())));
    }
}
