package org.jvmbench.common;

/**
 * The body of every error but a bad parameter: {@code {"error":"not found","path":"/x"}}.
 * Each framework has its own default error body (WebFlux adds a request id, Spring MVC a
 * timestamp and a numeric status), so both apps answer with this one instead and a client
 * sees the same bytes whichever app and engine it talks to.
 *
 * @param error what went wrong, in the words of the status (lower case)
 * @param path  the request's path, without the query
 */
public record ErrorBody(String error, String path) {

    public static ErrorBody notFound(String path) {
        return forStatus(404, path);
    }

    /** The body for an HTTP status; statuses the apps do not expect get a generic wording. */
    public static ErrorBody forStatus(int status, String path) {
        return new ErrorBody(wording(status), path);
    }

    private static String wording(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable";
            case 413 -> "content too large";
            case 415 -> "unsupported media type";
            case 500 -> "internal server error";
            case 503 -> "service unavailable";
            default -> "http status " + status;
        };
    }
}
