package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.phase.PhaseCommand;

class ReadyTapTest {

    @Test
    void passesEveryByteToTheLogAndNotesReadyLinesEvenWhenSplitAcrossWrites() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ReadyTap tap = new ReadyTap(log);
        String text = "12:00 INFO injector ready\n" + PhaseCommand.READY_PREFIX + "p1-r1\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tap.write(bytes, 0, 30);
        tap.write(bytes, 30, bytes.length - 30);

        assertThat(tap.awaitReady("p1-r1", Duration.ofSeconds(1))).isTrue();
        assertThat(tap.awaitReady("p1-r1", Duration.ofMillis(20))).as("each ready answers one await").isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aReadyForAnotherPhaseDoesNotCount() throws IOException, InterruptedException {
        ReadyTap tap = new ReadyTap(new ByteArrayOutputStream());
        tap.write((PhaseCommand.READY_PREFIX + "other\n").getBytes(StandardCharsets.UTF_8));

        assertThat(tap.awaitReady("mine", Duration.ofMillis(20))).isFalse();
    }

    @Test
    void endedOutputEndsTheWaitAtOnce() throws IOException, InterruptedException {
        ReadyTap tap = new ReadyTap(new ByteArrayOutputStream());
        tap.close();
        long started = System.nanoTime();

        assertThat(tap.awaitReady("p", Duration.ofSeconds(30))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
