package dev.opsim.engine.rpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over bytes, without a transport: parses a body, checks request shapes, calls the methods
 * (one after the other, on the caller's thread) and builds the response. Returns empty when nothing is to
 * be sent back (only notifications). The rules are the JSON-RPC 2.0 specification's "Request object",
 * "Notification", "Error object" and "Batch" sections.
 */
public final class JsonRpcDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final RpcMethods methods;
  private final int maxBatchSize;
  private final ObjectMapper mapper;

  public JsonRpcDispatcher(RpcMethods methods, int maxBatchSize) {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be positive: " + maxBatchSize);
    }
    this.methods = methods;
    this.maxBatchSize = maxBatchSize;
    this.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The response body for a request body, or empty for notifications only. */
  public Optional<byte[]> handle(byte[] body) {
    return handle(parse(body)).map(this::serialize);
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      // readTree gives null or MissingNode for an empty body; both are not JSON text.
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Optional<JsonNode> handle(JsonNode request) {
    if (request == null) {
      return Optional.of(error(NullNode.instance, RpcException.PARSE_ERROR, "parse error"));
    }
    if (request instanceof ArrayNode batch) {
      return handleBatch(batch);
    }
    return handleOne(request);
  }

  private Optional<JsonNode> handleBatch(ArrayNode batch) {
    if (batch.isEmpty()) {
      return Optional.of(error(NullNode.instance, RpcException.INVALID_REQUEST, "empty batch"));
    }
    if (batch.size() > maxBatchSize) {
      return Optional.of(error(NullNode.instance, RpcException.INVALID_REQUEST, "batch too large"));
    }
    ArrayNode responses = NODES.arrayNode();
    for (JsonNode entry : batch) {
      handleOne(entry).ifPresent(responses::add);
    }
    return responses.isEmpty() ? Optional.empty() : Optional.of(responses);
  }

  private Optional<JsonNode> handleOne(JsonNode request) {
    if (!(request instanceof ObjectNode object)) {
      return Optional.of(error(NullNode.instance, RpcException.INVALID_REQUEST, "invalid request"));
    }
    JsonNode id = object.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return Optional.of(error(NullNode.instance, RpcException.INVALID_REQUEST, "invalid request id"));
    }
    JsonNode responseId = notification ? NullNode.instance : id;
    JsonNode version = object.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      return Optional.of(error(responseId, RpcException.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\""));
    }
    JsonNode methodName = object.get("method");
    if (methodName == null || !methodName.isTextual()) {
      return Optional.of(error(responseId, RpcException.INVALID_REQUEST, "invalid request: method must be a string"));
    }
    JsonNode params = object.get("params");
    if (params == null) {
      params = NODES.arrayNode();
    } else if (!params.isArray() && !params.isObject()) {
      return Optional.of(error(responseId, RpcException.INVALID_REQUEST, "invalid request: params must be an array or object"));
    }
    JsonNode response = call(methodName.textValue(), params, responseId);
    return notification ? Optional.empty() : Optional.of(response);
  }

  private JsonNode call(String name, JsonNode params, JsonNode id) {
    Optional<RpcMethod> method = methods.find(name);
    if (method.isEmpty()) {
      return error(id, RpcException.METHOD_NOT_FOUND,
          "the method " + abbreviate(name) + " does not exist/is not available");
    }
    try {
      JsonNode result = method.get().call(params);
      ObjectNode response = envelope(id);
      response.set("result", result == null ? NullNode.instance : result);
      return response;
    } catch (RpcException e) {
      return error(id, e.code(), e.getMessage(), e.data());
    } catch (Exception | StackOverflowError e) {
      // Once, here, with the context; the client only learns that it failed.
      LOG.error("RPC method {} (id {}) failed", name, abbreviate(id.toString()), e);
      return error(id, RpcException.INTERNAL_ERROR, "internal error");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    return error(id, code, message, null);
  }

  private static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode error = NODES.objectNode();
    error.put("code", code);
    error.put("message", message);
    if (data != null) {
      error.set("data", data);
    }
    ObjectNode response = envelope(id);
    response.set("error", error);
    return response;
  }

  private byte[] serialize(JsonNode response) {
    try {
      return mapper.writeValueAsBytes(response);
    } catch (JacksonException e) {
      throw new IllegalStateException("a JSON tree must serialize", e);
    }
  }
}
