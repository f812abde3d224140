package org.jvmbench.servlet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jvmbench.common.ErrorBody;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes the place of Spring Boot's error controller (which backs off when an
 * {@link ErrorController} bean exists). Errors the engine or Spring MVC raise with
 * {@code sendError} (a 405, say) are forwarded here and answered with the shared
 * {@link ErrorBody}, as the reactive app answers them. A request for {@code /error} itself is
 * not an error being forwarded: it is a path like any other the apps do not serve, so it gets
 * the same 404 as {@code /nowhere} (Spring Boot's controller answered it 500 {@code {"status":999}}).
 */
@RestController
class ErrorPathController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorBody.notFound(request.getRequestURI()));
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.forStatus(code, path instanceof String p ? p : request.getRequestURI()));
    }
}
