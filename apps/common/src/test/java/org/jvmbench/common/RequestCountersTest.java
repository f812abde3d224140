package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestCountersTest {

    @Test
    void everyEndpointStartsAtZeroInPathOrder() {
        assertThat(new RequestCounters().snapshot())
                .containsExactly(
                        entry("/json", 0L), entry("/io", 0L),
                        entry("/cpu", 0L), entry("/mixed", 0L),
                        entry("/info", 0L));
    }

    @Test
    void concurrentCountsAreNotLost() throws InterruptedException {
        RequestCounters counters = new RequestCounters();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counters.count(Endpoint.CPU);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(counters.snapshot()).containsEntry("/cpu", 40_000L).containsEntry("/json", 0L);
    }
}
