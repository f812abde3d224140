package org.jvmbench.loadtests.reference;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.Version;

/**
 * The reference target for measuring the injector's own ceiling (issue 8): a raw Netty HTTP
 * handler that answers {@code GET /json[?items=n]} with exactly the bytes the apps send, at a
 * fraction of their cost, so that when it runs on the server's CPUs the injector, not the
 * target, is what limits the rate. Netty is the one Gatling brings (already on the injector's
 * classpath): no dependency of our own, no framework, native epoll when the platform has it.
 *
 * <pre>
 * java -cp loadtests/target/classes:$(cat loadtests/target/classpath.txt) \
 *     org.jvmbench.loadtests.reference.ReferenceServer --port 8090 --bind 127.0.0.1 [--threads 1]
 * </pre>
 *
 * Prints {@value #READY} followed by the bound address when it accepts connections; runs until
 * killed. Bad arguments: one line on stderr and exit code 2.
 */
public final class ReferenceServer implements AutoCloseable {

    /** The start of the line printed once the server accepts connections, e.g. {@code reference server ready on 127.0.0.1:8090}. */
    public static final String READY = "reference server ready on ";

    private final EventLoopGroup group;
    private final Channel channel;
    private final String transport;

    private ReferenceServer(EventLoopGroup group, Channel channel, String transport) {
        this.group = group;
        this.channel = channel;
        this.transport = transport;
    }

    /** The command line: {@code --port P --bind ADDRESS [--threads N]}. */
    record Options(int port, String bind, int threads) {

        static Options parse(String... args) {
            Integer port = null;
            String bind = null;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--port" -> port = number(name, value, 0, 65_535);
                    case "--bind" -> bind = value;
                    case "--threads" -> threads = number(name, value, 1, 1_024);
                    default -> throw new IllegalArgumentException("unknown option " + name
                            + " (usage: --port P --bind ADDRESS [--threads N])");
                }
            }
            if (port == null || bind == null) {
                throw new IllegalArgumentException("usage: --port P --bind ADDRESS [--threads N]");
            }
            return new Options(port, bind, threads);
        }

        private static int number(String name, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number in [" + min + ", " + max + "], not '" + value + "'");
        }
    }

    /** Binds and starts serving; {@code port} 0 takes a free one ({@link #port()}). */
    public static ReferenceServer start(String bind, int port, int threads) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ReferenceHandler handler = new ReferenceHandler();
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), handler);
                        }
                    })
                    .bind(new InetSocketAddress(bind, port)).sync().channel();
            Version netty = Version.identify().get("netty-transport");
            return new ReferenceServer(group, channel, "netty " + (netty == null ? "?" : netty.artifactVersion())
                    + (epoll ? " epoll" : " nio") + ", " + threads + (threads == 1 ? " event loop" : " event loops"));
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The line {@link #main} prints when ready. */
    String readyLine() {
        InetSocketAddress address = (InetSocketAddress) channel.localAddress();
        return READY + address.getHostString() + ":" + address.getPort() + " (" + transport + ")";
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    public static void main(String[] args) throws InterruptedException {
        // Before anything touches SLF4J: Netty would log at DEBUG through logback's defaults.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "injector-logback.xml");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ReferenceServer: " + e.getMessage());
            System.exit(2);
            return;
        }
        ReferenceServer server;
        try {
            server = start(options.bind(), options.port(), options.threads());
        } catch (RuntimeException e) {
            // Netty throws checked bind errors unchecked; one line, as for bad arguments.
            System.err.println("ReferenceServer: cannot serve on " + options.bind() + ":" + options.port() + ": " + e);
            System.exit(2);
            return;
        }
        System.out.println(server.readyLine());
        System.out.flush();
        server.channel.closeFuture().sync();
    }
}
