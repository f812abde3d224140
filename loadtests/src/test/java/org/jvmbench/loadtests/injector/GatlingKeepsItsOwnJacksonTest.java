package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The injector writes its JSON with the Jackson Gatling brings. Should anyone add another
 * Jackson (or import a BOM that pins one), core and databind would drift apart and Gatling's
 * JSON checks would break at run time; this catches it at build time.
 */
class GatlingKeepsItsOwnJacksonTest {

    @Test
    void jacksonCoreAndDatabindAreTheSameRelease() {
        var core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        var databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;

        assertThat(databind.getMajorVersion()).isEqualTo(core.getMajorVersion());
        assertThat(databind.getMinorVersion()).isEqualTo(core.getMinorVersion());
        assertThat(databind.getPatchLevel()).isEqualTo(core.getPatchLevel());
    }
}
