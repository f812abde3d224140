package org.jvmbench.reactive.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code --bench.extra-cpu-micros}: every /json request burns the asked CPU time in its handler. */
@WebFluxTest(controllers = WorkController.class, properties = "bench.extra-cpu-micros=" + ExtraCpuEndpointsTest.MICROS)
@Import(WebConfiguration.class)
class ExtraCpuEndpointsTest {

    static final int MICROS = 10_000;
    private static final OperatingSystemMXBean PROCESS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    @Autowired
    WebTestClient client;

    @Test
    void jsonBurnsTheAskedCpuTimeInTheHandler() {
        for (int i = 0; i < 20; i++) {
            client.get().uri("/json?items=3").exchange().expectStatus().isOk(); // warmed, as a measured server is
        }
        // the mock server runs the handler on a thread of its own choosing: count the whole process
        long start = PROCESS.getProcessCpuTime();
        for (int i = 0; i < 20; i++) {
            client.get().uri("/json?items=3").exchange().expectStatus().isOk();
        }
        double burnedMicros = (PROCESS.getProcessCpuTime() - start) / 1_000.0;

        // without the spin 20 warmed requests and whatever else the JVM runs meanwhile take a few ms
        // here; with it, 20 × 10 ms at least
        assertThat(burnedMicros).isGreaterThan(0.9 * 20 * MICROS);
    }
}
