package dev.opsim.engine.rpc;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Buffers a request body up to the limit. A body that grows past it (chunked, so not caught by the
 * Content-Length check) gets 413 and the connection is closed, rather than Netty's keep-alive variant that
 * would go on reading and discarding an unbounded body.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator {

  BoundedBodyAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    ctx.writeAndFlush(HttpResponses.closing(
            HttpResponses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
