package org.jvmbench.common;

/**
 * The 404 body for unknown paths. Each framework has its own default error body (WebFlux
 * adds a request id); the apps answer with this one instead so the contract is one shape.
 */
public record NotFoundBody(String error, String path) {

    public static NotFoundBody of(String path) {
        return new NotFoundBody("not found", path);
    }
}
