package org.jvmbench.servlet.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jvmbench.common.BadParameterBody;
import org.jvmbench.common.BadParameterException;
import org.jvmbench.common.ErrorBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Client errors as the shared bodies, so both apps answer them byte for byte alike. */
@RestControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<BadParameterBody> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    // NoResourceFoundException too, in case static resource mappings get switched back on.
    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorBody> notFound(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.notFound(request.getRequestURI()));
    }
}
