package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.server.ReadBack;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerProbe;
import org.jvmbench.harness.server.ServerReading;
import org.jvmbench.protocol.info.JvmCounters;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * A server and an injector that exist only in the test, on a clock only the injector moves:
 * each phase runs its duration on whole seconds, then a second passes between phases, so a
 * warm-up of minutes runs in milliseconds and its seconds are exactly those the test wrote.
 */
final class FakeLoad {

    static final long T0_MS = 1_764_000_000_000L;

    /** What the server's counters say at a moment of the fake clock. */
    @FunctionalInterface
    interface Counters {
        /** @throws IOException for a reading that fails, as an {@code /info} that does not answer */
        JvmCounters at(long epochMs) throws IOException;
    }

    private final LongUnaryOperator rpsAtSecond;
    private final Counters counters;
    private long nowMs = T0_MS;
    private int phases;

    /**
     * @param rpsAtSecond requests the server completes in a second, by seconds since {@link #T0_MS}
     * @param counters    the server's counters over time
     */
    FakeLoad(LongUnaryOperator rpsAtSecond, Counters counters) {
        this.rpsAtSecond = rpsAtSecond;
        this.counters = counters;
    }

    /** Counters whose compilation time is {@code compilationMs(t)} ms at {@code t} seconds since T0, GC idle. */
    static JvmCounters counters(long compilationMs, long gcMs, long gcCount) {
        return new JvmCounters(T0_MS - 5_000, compilationMs, List.of(new JvmCounters.Collector("G1 Young Generation", gcCount, gcMs)),
                null, 20);
    }

    long nanoTime() {
        return (nowMs - T0_MS) * 1_000_000;
    }

    long epochMs() {
        return nowMs;
    }

    int phases() {
        return phases;
    }

    Injector injector() {
        return new Injector() {
            @Override
            public PhaseResult run(PhaseCommand command, Duration deadline) {
                phases++;
                long start = nowMs;
                List<Long> perSecond = new ArrayList<>();
                long requests = 0;
                for (long s = 0; s < command.durationMs() / 1000; s++) {
                    long completed = rpsAtSecond.applyAsLong((start - T0_MS) / 1000 + s);
                    perSecond.add(completed);
                    requests += completed;
                }
                long end = start + command.durationMs();
                nowMs = end + 1_000;
                return new PhaseResult(command.id(), 0, requests, requests, 0, Map.of(), start, end,
                        (end - start) * 1_000_000, null, start / 1000, 1_000, 1_000, perSecond, command.users(), null, null,
                        null);
            }

            @Override
            public boolean alive() {
                return true;
            }

            @Override
            public Long localPid() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    RunningServer server(Path log) throws IOException {
        ServerProbe probe = new ServerProbe() {
            @Override
            public String readinessPath() {
                return "/info";
            }

            @Override
            public ServerReading ready(URI base, Duration timeout) {
                throw new UnsupportedOperationException("a fake server is up from the start");
            }

            @Override
            public ReadBack readBack(org.jvmbench.harness.settings.ServerSpec spec, ServerReading first, URI base, Duration timeout) {
                return new ReadBack(List.of());
            }

            @Override
            public ServerReading read(URI base, List<String> endpoints, Duration timeout) throws IOException {
                return new ServerReading(null, counters.at(nowMs), Map.of(), null);
            }
        };
        ServerReading start = new ServerReading(null, counters(0, 0, 0), Map.of(), null);
        return new RunningServer(null, probe, List.of(new RunningServer.Instance(new AliveProcess(), URI.create("http://127.0.0.1:1"),
                log, start, new ReadBack(List.of()), 1_000_000_000L)));
    }

    /** A process that is always alive and never read. */
    private static final class AliveProcess extends Process {
        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            throw new UnsupportedOperationException("a fake server never ends");
        }

        @Override
        public int exitValue() {
            throw new IllegalThreadStateException("alive");
        }

        @Override
        public void destroy() {
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public long pid() {
            return 4242;
        }
    }
}
