package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class PidLineTapTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PidLineTap tap = new PidLineTap(out);

    @Test
    void theFirstLineIsTakenAndEverythingAfterPassesThrough() throws Exception {
        tap.write("jvmbench-pid 4242 1234567\nhello\n".getBytes(StandardCharsets.US_ASCII));
        tap.write("world".getBytes(StandardCharsets.US_ASCII));

        assertThat(tap.pid().get()).isEqualTo(new RemotePid(4242, 1234567));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("hello\nworld");
    }

    @Test
    void theLineMayArriveInPieces() throws Exception {
        for (byte b : "jvmbench-pid 7 8".getBytes(StandardCharsets.US_ASCII)) {
            tap.write(b);
        }
        assertThat(tap.pid()).isNotDone();
        tap.write('\n');
        tap.write('x');

        assertThat(tap.pid().get()).isEqualTo(new RemotePid(7, 8));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("x");
    }

    @Test
    void aFirstLineThatIsNotThePidFailsThePidAndStillReachesTheCaller() throws Exception {
        tap.write("sh: 1: exec: setpriv: not found\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(tap.pid()).isCompletedExceptionally();
        assertThat(out.size()).isZero();
        tap.write("more".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("more");
    }

    @Test
    void stdoutThatEndsBeforeTheLineFailsThePid() throws Exception {
        tap.write("jvmbench-pid 1".getBytes(StandardCharsets.US_ASCII));
        tap.close();

        assertThat(tap.pid()).failsWithin(java.time.Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("stdout ended before the pid line");
    }
}
