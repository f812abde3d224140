package org.jvmbench.common;

/**
 * The {@code /io} body. {@code waitedMs} is the wait asked for (the server waited at least
 * that long), not a measurement, so both apps answer the same bytes but for the app and
 * the thread.
 */
public record IoBody(int waitedMs, String mode, String app, String thread) {

    public static IoBody of(int waitedMs, IoMode mode, String app) {
        return new IoBody(waitedMs, mode.label(), app, Thread.currentThread().getName());
    }
}
