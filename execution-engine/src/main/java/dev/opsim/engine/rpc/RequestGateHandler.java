package dev.opsim.engine.rpc;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;

/**
 * Decides on the request head, before any body is buffered: a refused Authorization gets 401 (protocol
 * reference 6.1) and a declared Content-Length over the limit gets 413; both close the connection, and
 * the rest of that request is dropped unread.
 */
final class RequestGateHandler extends ChannelInboundHandlerAdapter {

  private final HttpAuthenticator authenticator;
  private final long maxBodyBytes;
  private boolean dropping;

  RequestGateHandler(HttpAuthenticator authenticator, long maxBodyBytes) {
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (dropping) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
      Optional<String> refusal = authenticator.refusal(request.headers().get(HttpHeaderNames.AUTHORIZATION));
      if (refusal.isPresent()) {
        FullHttpResponse response = HttpResponses.text(HttpResponseStatus.UNAUTHORIZED, refusal.get());
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        refuse(ctx, msg, HttpResponses.closing(response));
        return;
      }
      if (HttpUtil.getContentLength(request, -1L) > maxBodyBytes) {
        refuse(ctx, msg, HttpResponses.closing(
            HttpResponses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")));
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void refuse(ChannelHandlerContext ctx, Object msg, Object response) {
    dropping = true;
    ReferenceCountUtil.release(msg);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
