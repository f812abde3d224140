package org.jvmbench.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.server.ServerLauncher;

/**
 * {@code ./bench serve --bind 0.0.0.0} used to start without a word and print a 127.0.0.1 URL:
 * it must warn that the server is reachable from the network and print the addresses it really
 * listens on. Ctrl-C then stops it and removes its log folder.
 */
class ServeOnEveryInterfaceIT {

    @TempDir
    Path dir;

    @Test
    void warnsThatTheServerIsReachableFromTheNetworkAndPrintsTheRealAddresses() throws Exception {
        int port = ServerLauncher.freePorts("0.0.0.0", 1);
        Path tmp = dir.resolve("tmp");
        BenchProcess serve = BenchProcess.start(dir.resolve("work"), tmp, "serve",
                "serve", "--app", "servlet", "--bind", "0.0.0.0", "--port", String.valueOf(port), "--heap", "64m");
        try {
            assertThat(BenchProcess.await(Duration.ofSeconds(90), () -> !serve.alive() || serve.stdout().contains("Ctrl-C")))
                    .as(serve.output()).isTrue();
            String printed = serve.stdout();

            assertThat(printed).contains("listening on 0.0.0.0:" + port + " (every interface: ")
                    .contains("http://127.0.0.1:" + port + ")")
                    .contains("warning: bound to every interface (0.0.0.0): the server is reachable from the network, "
                            + "not only from this machine");
            for (InetAddress address : networkAddresses()) {
                String url = "http://" + address.getHostAddress() + ":" + port;
                assertThat(printed).contains(url);
                // the address printed is one it answers on
                HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/info"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(info.statusCode()).isEqualTo(200);
            }

            serve.interrupt();
            assertThat(serve.exit(Duration.ofSeconds(30))).as(serve.output()).isZero();
            assertThat(serve.survivorsAfter(Duration.ofSeconds(5))).as("processes left running").isEmpty();
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left).as("serve's log folder").noneMatch(p -> p.getFileName().toString().startsWith("bench-serve-"));
            }
        } finally {
            serve.killSurvivors();
        }
    }

    /** This machine's IPv4 addresses other than loopback: where "reachable from the network" applies. */
    private static List<InetAddress> networkAddresses() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address)
                .toList();
    }
}
