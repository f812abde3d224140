package org.jvmbench.harness.placement;

import java.nio.file.Path;

/** Where a file of the run folder here is kept on a host: the same relative path under the run's folder there. */
final class RemotePaths {

    private RemotePaths() {
    }

    /**
     * @param remoteRoot absolute, on the host
     * @param localRoot  the run folder here
     * @param local      absolute, here; a path outside the run folder keeps only its name, under {@code outside/}
     */
    static String under(String remoteRoot, Path localRoot, Path local) {
        Path root = localRoot.toAbsolutePath().normalize();
        Path file = local.toAbsolutePath().normalize();
        String relative = file.startsWith(root) && !file.equals(root) ? root.relativize(file).toString()
                : "outside/" + file.getFileName();
        return remoteRoot + "/" + relative.replace('\\', '/');
    }
}
