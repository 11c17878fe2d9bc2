package dev.opsim.engine.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Checks on positional parameters that every method needs, reported as -32602 like geth does. */
public final class RpcParams {

  private RpcParams() {}

  /**
   * The params as an array of {@code min..max} entries. Trailing JSON nulls count as absent (geth accepts
   * {@code [addr, null]} for an optional block tag).
   */
  public static ArrayNode positional(JsonNode params, int min, int max) throws RpcException {
    if (!(params instanceof ArrayNode array)) {
      throw RpcException.invalidParams("non-array args");
    }
    int size = array.size();
    while (size > min && array.get(size - 1).isNull()) {
      size--;
    }
    if (size < min) {
      throw RpcException.invalidParams("missing value for required argument " + size);
    }
    if (size > max) {
      throw RpcException.invalidParams("too many arguments, want at most " + max);
    }
    return array;
  }
}
