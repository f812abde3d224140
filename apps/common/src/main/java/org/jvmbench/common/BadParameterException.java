package org.jvmbench.common;

/**
 * A query parameter the app will not accept. Both apps map it to HTTP 400 with a
 * {@link BadParameterBody}, so a client sees the same bytes whichever app it talks to.
 */
public final class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        // No stack trace: this is a client error on the hot path, not a bug to debug.
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public BadParameterBody body() {
        return new BadParameterBody("bad parameter", parameter, getMessage());
    }
}
