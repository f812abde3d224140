package org.jvmbench.harness.prerequisite;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine and cannot bring itself: root, OpenSSH's server, a
 * browser, iptables. Where it is missing the test cannot prove anything, so it must not pass:
 * under continuous integration ({@code CI=true}, which {@code .ci/run} sets) it fails with the
 * reason, since CI installs everything the suite needs and a skip there means a test silently
 * stopped running; elsewhere (a laptop without sshd) it is skipped, and the reason is printed
 * where a person reads it, not only in the report files.
 */
public final class Prerequisite {

    /** The environment variable CI systems set, and {@code .ci/run} sets, to {@code true}. */
    static final String CI = "CI";

    private Prerequisite() {
    }

    /** Skips (outside CI) or fails (under CI) the calling test with {@code reason} unless {@code met}. */
    public static void require(boolean met, String reason) {
        require(met, reason, System.getenv(CI));
    }

    /** Skips (outside CI) or fails (under CI) the calling test with {@code reason}: it cannot run here. */
    public static void missing(String reason) {
        require(false, reason);
    }

    /** {@link #require(boolean, String)} with the value of {@code CI} given, so both outcomes can be tested. */
    static void require(boolean met, String reason, String ci) {
        if (met) {
            return;
        }
        if ("true".equalsIgnoreCase(ci == null ? null : ci.strip())) {
            Assertions.fail("CI=true, so a test that cannot run fails instead of skipping: " + reason);
        }
        // surefire and failsafe count skips but show no reason on the console: print it here
        System.err.println("[SKIPPED] " + reason + " (outside CI; with CI=true this fails)");
        Assumptions.abort(reason + " (skipped outside CI; with CI=true this fails)");
    }
}
