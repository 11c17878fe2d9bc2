package dev.opsim.engine.rpc;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * First in the pipeline, it sees raw bytes. A connection waiting for a request is closed after the idle
 * timeout; once a request's first byte arrives, the whole request must follow within the read timeout,
 * however slowly it trickles (a read-inactivity timer alone would let a slowloris client sending a byte
 * every few seconds hold the connection forever). While a request is being answered there is no timer.
 * All methods run on the channel's event loop.
 */
final class RequestDeadlineHandler extends ChannelDuplexHandler {

  private static final byte[] REQUEST_TIMEOUT = (
      "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 16\r\n\r\nrequest timeout\n").getBytes(StandardCharsets.US_ASCII);

  private enum State { IDLE, RECEIVING, ANSWERING }

  private final long readTimeoutNanos;
  private final long idleTimeoutNanos;
  private ChannelHandlerContext context;
  private State state = State.IDLE;
  private ScheduledFuture<?> timer;

  RequestDeadlineHandler(Duration readTimeout, Duration idleTimeout) {
    this.readTimeoutNanos = readTimeout.toNanos();
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(idleTimeoutNanos);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (state == State.IDLE) {
      state = State.RECEIVING;
      arm(readTimeoutNanos);
    }
    super.channelRead(ctx, msg);
  }

  /** A complete request reached the application: no deadline while it is answered. */
  void requestReceived() {
    state = State.ANSWERING;
    cancel();
  }

  /** The response is out and the connection stays open: wait for the next request. */
  void responseSent() {
    state = State.IDLE;
    arm(idleTimeoutNanos);
  }

  private void arm(long nanos) {
    cancel();
    timer = context.executor().schedule(this::expire, nanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire() {
    timer = null;
    switch (state) {
      case RECEIVING -> context.writeAndFlush(Unpooled.wrappedBuffer(REQUEST_TIMEOUT))
          .addListener(ChannelFutureListener.CLOSE);
      case IDLE -> context.close();
      case ANSWERING -> { }
    }
  }
}
