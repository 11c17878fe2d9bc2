package dev.opsim.engine.rpc;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Small complete HTTP responses. */
final class HttpResponses {

  private HttpResponses() {}

  static FullHttpResponse text(HttpResponseStatus status, String body) {
    return body(status, (body + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  static FullHttpResponse json(byte[] body) {
    return body(HttpResponseStatus.OK, body, "application/json");
  }

  static FullHttpResponse body(HttpResponseStatus status, byte[] body, String contentType) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }

  /** The same response, announcing that the server closes the connection after it. */
  static FullHttpResponse closing(FullHttpResponse response) {
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }
}
