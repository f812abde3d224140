package org.jvmbench.harness.hosts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the coordinator logs in with and trusts: a private key file (unencrypted: a sweep runs
 * unattended) and the known_hosts file that vouches for every host's key.
 */
public record SshKeys(Path privateKey, Path knownHosts) {

    /** Fails with one line when either file is missing, so no connection is attempted. */
    public SshKeys {
        if (!Files.isReadable(privateKey)) {
            throw new IllegalArgumentException("SSH private key " + privateKey + " is missing or unreadable");
        }
        if (!Files.isReadable(knownHosts)) {
            throw new IllegalArgumentException("known_hosts file " + knownHosts + " is missing or unreadable: host keys are always verified");
        }
    }
}
