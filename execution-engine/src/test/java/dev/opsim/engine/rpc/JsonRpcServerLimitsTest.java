package dev.opsim.engine.rpc;

import static dev.opsim.engine.rpc.TestServers.json;
import static dev.opsim.engine.rpc.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What slow, stalled, greedy or pipelining clients get, on servers with short timeouts. */
class JsonRpcServerLimitsTest {

  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

  private static RpcServerConfig shortTimeouts() {
    return RpcServerConfig.defaults(0).withTimeouts(READ_TIMEOUT, Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  private static Socket connect(JsonRpcServer server) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Everything the server sends until it closes the connection (fails if it does not within 10 s). */
  private static String readUntilClosed(Socket socket) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("server kept the connection open; got: " + received, e);
    } catch (SocketException reset) {
      // a reset is a close too
    }
    return received.toString(StandardCharsets.US_ASCII);
  }

  private static void assertAnswers(HttpClient client, URI uri) {
    HttpResponse<String> response = post(client, uri, CHAIN_ID);
    assertEquals(200, response.statusCode());
    assertEquals("0x385", json(response.body()).get("result").asText());
  }

  @Test
  void stalledRequestDoesNotHoldOthersAndIsClosedAfterTheReadTimeout() throws Exception {
    try (JsonRpcServer server = TestServers.start(shortTimeouts(), TestServers.sampleMethods());
        Socket stalled = connect(server)) {
      HttpClient client = TestServers.httpClient();
      assertAnswers(client, server.uri()); // warm up, so class loading does not count as waiting
      long start = System.nanoTime();
      OutputStream out = stalled.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"jsonrpc\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      for (int i = 0; i < 5; i++) {
        long before = System.nanoTime();
        assertAnswers(client, server.uri());
        assertTrue(System.nanoTime() - before < READ_TIMEOUT.toNanos(), "a normal request waited on the stalled one");
      }
      assertTrue(System.nanoTime() - start < READ_TIMEOUT.toNanos(), "normal requests were slower than the timeout");

      String answer = readUntilClosed(stalled);
      long heldFor = System.nanoTime() - start;
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(heldFor >= READ_TIMEOUT.toNanos(), "closed before the timeout: " + heldFor);
      assertTrue(heldFor < READ_TIMEOUT.toNanos() + Duration.ofSeconds(5).toNanos(), "closed late: " + heldFor);
      assertAnswers(client, server.uri());
    }
  }

  @Test
  void tricklingRequestIsCutOffThoughBytesKeepComing() throws Exception {
    try (JsonRpcServer server = TestServers.start(shortTimeouts(), TestServers.sampleMethods());
        Socket slow = connect(server)) {
      long start = System.nanoTime();
      byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(200) + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      OutputStream out = slow.getOutputStream();
      // One byte every 50 ms: a read-inactivity timeout would never fire.
      try {
        for (byte b : request) {
          out.write(b);
          out.flush();
          Thread.sleep(50);
          if (System.nanoTime() - start > Duration.ofSeconds(5).toNanos()) {
            break;
          }
        }
      } catch (SocketException closedByServer) {
        // expected once the deadline passed
      }
      long cutAfter = System.nanoTime() - start;
      String answer = readUntilClosed(slow);
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(cutAfter < Duration.ofSeconds(5).toNanos(), "the trickle went on for " + cutAfter);
    }
  }

  @Test
  void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    RpcServerConfig config = RpcServerConfig.defaults(0)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(3));
    try (JsonRpcServer server = TestServers.start(config, TestServers.sampleMethods());
        Socket idle = connect(server)) {
      long start = System.nanoTime();
      assertEquals("", readUntilClosed(idle));
      long heldFor = System.nanoTime() - start;
      assertTrue(heldFor >= Duration.ofMillis(400).toNanos() && heldFor < Duration.ofSeconds(4).toNanos(),
          "idle connection held for " + heldFor);
    }
  }

  @Test
  void keepAliveConnectionServesRequestsInOrderIncludingPipelined() throws Exception {
    try (JsonRpcServer server = TestServers.start(shortTimeouts(), TestServers.sampleMethods());
        Socket socket = connect(server)) {
      StringBuilder requests = new StringBuilder();
      for (int id = 1; id <= 3; id++) {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[" + id + "],\"id\":" + id + "}";
        requests.append("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(body.length()).append("\r\n\r\n").append(body);
      }
      String last = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[4],\"id\":4}";
      requests.append("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ")
          .append(last.length()).append("\r\n\r\n").append(last);
      socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answers = readUntilClosed(socket);
      List<Integer> ids = new ArrayList<>();
      for (String part : answers.split("HTTP/1.1 ")) {
        if (!part.isEmpty()) {
          assertTrue(part.startsWith("200"), part);
          ids.add(json(part.substring(part.indexOf("\r\n\r\n") + 4)).get("id").asInt());
        }
      }
      assertEquals(List.of(1, 2, 3, 4), ids);
    }
  }

  @Test
  void connectionsOverTheLimitAreClosedAndTheLimitFreesUp() throws Exception {
    RpcServerConfig config = RpcServerConfig.defaults(0).withMaxConnections(2)
        .withTimeouts(READ_TIMEOUT, Duration.ofSeconds(20), Duration.ofSeconds(3));
    try (JsonRpcServer server = TestServers.start(config, TestServers.sampleMethods())) {
      Socket first = connect(server);
      Socket second = connect(server);
      Thread.sleep(100); // let the server accept both
      try (Socket third = connect(server)) {
        long start = System.nanoTime();
        assertEquals("", readUntilClosed(third));
        // Well before the 20 s idle timeout that would otherwise close it.
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "the extra connection was kept");
      }
      first.close();
      second.close();
      HttpClient client = TestServers.httpClient();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (true) {
        try {
          assertAnswers(client, server.uri());
          break;
        } catch (RuntimeException | AssertionError stillFull) {
          if (System.nanoTime() > deadline) {
            throw stillFull;
          }
          Thread.sleep(50);
        }
      }
    }
  }

  @Test
  void closeIsQuickWithOpenConnectionsAndABlockedMethod() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    RpcMethods methods = RpcMethods.builder()
        .add("test_forever", params -> {
          entered.countDown();
          try {
            Thread.sleep(Duration.ofMinutes(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return IntNode.valueOf(0);
        })
        .build();
    JsonRpcServer server = TestServers.start(RpcServerConfig.defaults(0), methods);
    Socket idle = connect(server);
    Socket busy = connect(server);
    String body = "{\"jsonrpc\":\"2.0\",\"method\":\"test_forever\",\"id\":1}";
    busy.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII));
    assertTrue(entered.await(5, TimeUnit.SECONDS));

    long start = System.nanoTime();
    server.close();
    long took = System.nanoTime() - start;
    assertTrue(took < Duration.ofMillis(2500).toNanos(), "close took " + Duration.ofNanos(took));
    assertEquals("", readUntilClosed(idle));
    assertEquals("", readUntilClosed(busy));
    try (Socket refused = new Socket()) {
      refused.connect(server.address(), 1000);
      assertEquals("", readUntilClosed(refused));
    } catch (IOException expected) {
      // nothing listens any more
    }
    idle.close();
    busy.close();
  }
}
