package org.jvmbench.servlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ForkJoinPool;
import org.jvmbench.servlet.split.CpuSplitExecutors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** {@code --bench.extra-cpu-micros}: every /json request burns the asked CPU time on the thread that runs it. */
@WebMvcTest(controllers = WorkController.class, properties = "bench.extra-cpu-micros=" + ExtraCpuEndpointsTest.MICROS)
@Import({WebConfiguration.class, ExtraCpuEndpointsTest.SplitPool.class})
class ExtraCpuEndpointsTest {

    static final int MICROS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TestConfiguration(proxyBeanMethods = false)
    static class SplitPool {
        @Bean
        CpuSplitExecutors cpuSplitExecutors() {
            return new CpuSplitExecutors(ForkJoinPool.commonPool(), false, () -> {
                throw new AssertionError("no engine pool in a slice test");
            }, "none");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void jsonBurnsTheAskedCpuTimeOnTheRequestThread() {
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.get().uri("/json?items=3")).hasStatusOk(); // warmed, as a measured server is
        }
        // MockMvc runs the handler on the calling thread, so its CPU clock sees the spin
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.get().uri("/json?items=3")).hasStatusOk();
        }
        double burnedMicros = (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0;

        // without the spin 20 warmed requests took 56 ms of CPU here (MockMvc is not free); with it, 20 × 10 ms at least
        assertThat(burnedMicros).isGreaterThan(0.9 * 20 * MICROS);
    }
}
