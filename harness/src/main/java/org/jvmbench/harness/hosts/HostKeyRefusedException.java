package org.jvmbench.harness.hosts;

import java.io.IOException;

/**
 * A host whose key is not the one known_hosts holds for it: never connected to. The message
 * is one line that names the host and the known_hosts file, so the user can check the key
 * and add it.
 */
public final class HostKeyRefusedException extends IOException {

    public HostKeyRefusedException(String message) {
        super(message);
    }
}
