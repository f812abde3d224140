package org.jvmbench.harness.server;

/** A server that could not be started as asked; the message is one line for the user. */
public class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
        super(message);
    }
}
