package org.jvmbench.reactive.web;

import org.jvmbench.common.BadParameterBody;
import org.jvmbench.common.BadParameterException;
import org.jvmbench.common.ErrorBody;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Client errors as the shared bodies, so both apps answer them byte for byte alike. */
@RestControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<BadParameterBody> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    /**
     * WebFlux signals "no handler" (404), a method the path does not take (405, with its
     * {@code Allow} header) and the like as ResponseStatusExceptions, and lets controller advice
     * handle errors raised before a handler is chosen: all get the shared body, as the servlet
     * app's error controller gives them.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorBody> responseStatus(ResponseStatusException e, ServerHttpRequest request) {
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.forStatus(e.getStatusCode().value(), request.getPath().value()));
    }
}
