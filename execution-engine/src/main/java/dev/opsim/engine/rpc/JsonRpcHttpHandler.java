package dev.opsim.engine.rpc;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers complete HTTP requests: JSON-RPC POSTs at {@code /} go to the dispatcher on a virtual thread
 * (methods may block; the event loop must not), everything else gets a short HTTP error. One request per
 * connection is answered at a time, in order; reading pauses meanwhile, so a connection holds at most one
 * body and pipelined requests are answered in sequence. Event-loop methods only, except the task body.
 */
final class JsonRpcHttpHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcHttpHandler.class);
  // The content types geth accepts for JSON-RPC over HTTP.
  private static final Set<String> JSON_TYPES =
      Set.of("application/json", "application/json-rpc", "application/jsonrequest");

  private final JsonRpcDispatcher dispatcher;
  private final ExecutorService executor;
  private final RequestDeadlineHandler deadline;
  private final List<String> corsOrigins;
  private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean answering;

  JsonRpcHttpHandler(JsonRpcDispatcher dispatcher, ExecutorService executor,
      RequestDeadlineHandler deadline, List<String> corsOrigins) {
    this.dispatcher = dispatcher;
    this.executor = executor;
    this.deadline = deadline;
    this.corsOrigins = corsOrigins;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    deadline.requestReceived();
    ctx.channel().config().setAutoRead(false);
    if (answering) {
      waiting.add(request);
    } else {
      answer(ctx, request);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    FullHttpRequest request;
    while ((request = waiting.poll()) != null) {
      request.release();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Connection resets and the like: nothing to answer, nothing worth more than a debug line.
    LOG.debug("RPC connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
    answering = true;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpVersion version = request.protocolVersion();
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    try {
      Optional<FullHttpResponse> refusal = refusal(request);
      if (refusal.isPresent()) {
        boolean malformed = !request.decoderResult().isSuccess();
        send(ctx, refusal.get(), keepAlive && !malformed, version, origin);
        return;
      }
      byte[] body = ByteBufUtil.getBytes(request.content());
      executor.execute(() -> send(ctx, respond(body), keepAlive, version, origin));
    } catch (RejectedExecutionException e) {
      ctx.close(); // shutting down
    } finally {
      request.release();
    }
  }

  private FullHttpResponse respond(byte[] body) {
    try {
      Optional<byte[]> response = dispatcher.handle(body);
      // Only notifications: JSON-RPC sends nothing back; over HTTP that is an empty 200, as geth does.
      return HttpResponses.json(response.orElse(new byte[0]));
    } catch (Throwable e) {
      LOG.error("RPC request of {} bytes failed", body.length, e);
      return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
  }

  /** The HTTP-level answer when the request is not a JSON-RPC POST we serve. */
  private Optional<FullHttpResponse> refusal(FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      Throwable cause = request.decoderResult().cause();
      HttpResponseStatus status = cause instanceof TooLongHttpHeaderException
          ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
          : cause instanceof TooLongFrameException
              ? HttpResponseStatus.REQUEST_URI_TOO_LONG
              : HttpResponseStatus.BAD_REQUEST;
      return Optional.of(HttpResponses.text(status, "malformed HTTP request"));
    }
    if (!new QueryStringDecoder(request.uri()).path().equals("/")) {
      return Optional.of(HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found"));
    }
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.OPTIONS) && !corsOrigins.isEmpty()) {
      FullHttpResponse preflight = HttpResponses.body(HttpResponseStatus.NO_CONTENT, new byte[0], "text/plain");
      preflight.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS")
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization")
          .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, 600);
      return Optional.of(preflight);
    }
    if (!method.equals(HttpMethod.POST)) {
      FullHttpResponse response = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
          "JSON-RPC over HTTP: POST a request to /");
      response.headers().set(HttpHeaderNames.ALLOW, "POST");
      return Optional.of(response);
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (contentType != null) {
      String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!JSON_TYPES.contains(mime)) {
        return Optional.of(HttpResponses.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
            "invalid content type, only application/json is supported"));
      }
    }
    return Optional.empty();
  }

  /** Writes a response (from any thread) and, once it is out, goes on with the connection. */
  private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
      HttpVersion version, String origin) {
    if (!ctx.channel().isActive() || ctx.executor().isShuttingDown()) {
      response.release(); // the client left, or the server is closing
      return;
    }
    if (origin != null && allowed(origin)) {
      response.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigins.contains("*") ? "*" : origin)
          .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    if (!keepAlive) {
      HttpResponses.closing(response);
    } else if (version.equals(HttpVersion.HTTP_1_0)) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ChannelFuture written = ctx.writeAndFlush(response);
    written.addListener((ChannelFutureListener) future -> {
      if (!keepAlive || !future.isSuccess()) {
        future.channel().close();
        return;
      }
      answering = false;
      deadline.responseSent();
      FullHttpRequest next = waiting.poll();
      if (next != null) {
        deadline.requestReceived();
        answer(ctx, next);
      } else {
        future.channel().config().setAutoRead(true);
      }
    });
  }

  private boolean allowed(String origin) {
    return corsOrigins.contains("*") || corsOrigins.contains(origin);
  }
}
