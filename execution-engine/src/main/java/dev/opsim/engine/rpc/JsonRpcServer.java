package dev.opsim.engine.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 2.0 server over HTTP/1.1 at path {@code /} (issue 4 "Engine API", "eth JSON-RPC"; protocol
 * reference 6.1). Netty does the I/O; each request's methods run on a virtual thread. The public port uses
 * {@link HttpAuthenticator#NONE}, the Engine API port a {@link JwtAuthenticator}.
 */
public final class JsonRpcServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);

  private final EventLoopGroup acceptGroup;
  private final EventLoopGroup ioGroup;
  private final ExecutorService methodExecutor;
  private final ChannelGroup channels;
  private final Channel serverChannel;
  private final InetSocketAddress address;
  private boolean closed;

  private JsonRpcServer(EventLoopGroup acceptGroup, EventLoopGroup ioGroup, ExecutorService methodExecutor,
      ChannelGroup channels, Channel serverChannel) {
    this.acceptGroup = acceptGroup;
    this.ioGroup = ioGroup;
    this.methodExecutor = methodExecutor;
    this.channels = channels;
    this.serverChannel = serverChannel;
    this.address = (InetSocketAddress) serverChannel.localAddress();
  }

  /** Binds and starts serving; throws if the address cannot be bound. */
  public static JsonRpcServer start(RpcServerConfig config, RpcMethods methods, HttpAuthenticator authenticator)
      throws IOException {
    EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("rpc-accept-" + config.port(), true), NioIoHandler.newFactory());
    EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(),
        new DefaultThreadFactory("rpc-io-" + config.port(), true), NioIoHandler.newFactory());
    ExecutorService methodExecutor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rpc-method-", 0).factory());
    ChannelGroup channels = new DefaultChannelGroup("rpc", GlobalEventExecutor.INSTANCE);
    JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, config.maxBatchSize());
    AtomicInteger open = new AtomicInteger();

    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptGroup, ioGroup)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 128)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.closeFuture().addListener(f -> open.decrementAndGet());
            if (open.incrementAndGet() > config.maxConnections()) {
              // Debug only: a client hammering the limit must not flood the log either.
              LOG.debug("RPC connection from {} refused: {} connections open",
                  channel.remoteAddress(), config.maxConnections());
              channel.close();
              return;
            }
            channels.add(channel);
            RequestDeadlineHandler deadline =
                new RequestDeadlineHandler(config.readTimeout(), config.idleTimeout());
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.addLast("write-timeout",
                new WriteTimeoutHandler(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS));
            pipeline.addLast("deadline", deadline);
            pipeline.addLast("http", new HttpServerCodec());
            pipeline.addLast("gate", new RequestGateHandler(authenticator, config.maxBodyBytes()));
            pipeline.addLast("aggregate", new BoundedBodyAggregator(config.maxBodyBytes()));
            pipeline.addLast("rpc",
                new JsonRpcHttpHandler(dispatcher, methodExecutor, deadline, config.corsOrigins()));
          }
        });
    ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown(acceptGroup, ioGroup, methodExecutor);
      throw new IOException("cannot listen on " + config.host() + ":" + config.port(), bound.cause());
    }
    JsonRpcServer server = new JsonRpcServer(acceptGroup, ioGroup, methodExecutor, channels, bound.channel());
    LOG.info("JSON-RPC server listening on {} ({} methods{})", server.uri(), methods.names().size(),
        authenticator == HttpAuthenticator.NONE ? "" : ", authenticated");
    return server;
  }

  /** The port actually bound (the chosen one when the config said 0). */
  public int port() {
    return address.getPort();
  }

  public InetSocketAddress address() {
    return address;
  }

  /** {@code http://host:port/}, ready for a client. */
  public URI uri() {
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  /** Stops accepting, closes every connection and stops the threads; takes at most about two seconds. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    shutdown(acceptGroup, ioGroup, methodExecutor);
    LOG.info("JSON-RPC server on port {} stopped", port());
  }

  private static void shutdown(EventLoopGroup acceptGroup, EventLoopGroup ioGroup, ExecutorService methods) {
    methods.shutdownNow(); // interrupts methods still running; their connections are gone anyway
    var acceptDone = acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    var ioDone = ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    acceptDone.awaitUninterruptibly(1500, TimeUnit.MILLISECONDS);
    ioDone.awaitUninterruptibly(1500, TimeUnit.MILLISECONDS);
  }
}
