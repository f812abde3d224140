package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Our apps: ready when {@code /info} answers, and everything read from it, the knobs from the
 * running engine and the counters from the JVM's own MXBeans (apps/README.md, "/info").
 */
final class InfoProbe implements ServerProbe {

    /** Where our apps' readings come from. */
    static final String SOURCE = "/info";

    private final InfoClient client = new InfoClient();

    @Override
    public String readinessPath() {
        return SOURCE;
    }

    @Override
    public ServerReading ready(URI base, Duration timeout) throws NotReady, InterruptedException {
        try {
            return read(base, List.of(), timeout);
        } catch (NotReady e) {
            throw e;
        } catch (IOException e) {
            throw new NotReady(String.valueOf(e.getMessage()), 0);
        }
    }

    @Override
    public ReadBack readBack(ServerSpec spec, ServerReading first, URI base, Duration timeout) {
        return ReadBack.of(spec, first.info());
    }

    @Override
    public ServerReading read(URI base, List<String> endpoints, Duration timeout) throws IOException, InterruptedException {
        return ServerReading.of(client.read(base, timeout), endpoints);
    }
}
