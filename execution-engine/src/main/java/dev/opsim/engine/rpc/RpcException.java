package dev.opsim.engine.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * A JSON-RPC error a method reports on purpose: it becomes the response's {@code error} object as is
 * ({@code code}, {@code message} and, when not null, {@code data}). Anything else a method throws is an
 * internal error (-32603) whose details stay in the log.
 */
public final class RpcException extends Exception {

  /** JSON-RPC 2.0: the body is not JSON. */
  public static final int PARSE_ERROR = -32700;
  /** JSON-RPC 2.0: the JSON is not a valid request object (or is an empty or oversized batch). */
  public static final int INVALID_REQUEST = -32600;
  /** JSON-RPC 2.0: no such method (or not served on this port). */
  public static final int METHOD_NOT_FOUND = -32601;
  /** JSON-RPC 2.0: wrong number, type or format of parameters. */
  public static final int INVALID_PARAMS = -32602;
  /** JSON-RPC 2.0: the server failed; details are logged, not returned. */
  public static final int INTERNAL_ERROR = -32603;
  /** Geth's generic server error (-32000 family: -32000 to -32099), e.g. "nonce too low". */
  public static final int SERVER_ERROR = -32000;
  /** Geth: a call or gas estimation reverted; {@code data} is the revert data as plain hex. */
  public static final int EXECUTION_REVERTED = 3;

  private final int code;
  private final transient JsonNode data;

  public RpcException(int code, String message, JsonNode data) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = code;
    this.data = data == null ? null : data.deepCopy();
  }

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** The {@code data} member, or null when the error has none. */
  public JsonNode data() {
    return data == null ? null : data.deepCopy();
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, message);
  }

  /** A -32000 server error, geth's code for refused transactions and failed state access. */
  public static RpcException serverError(String message) {
    return new RpcException(SERVER_ERROR, message);
  }

  /**
   * Geth's reverted-call error: code 3, message {@code "execution reverted"} (plus {@code ": reason"} when
   * the revert data decodes to an Error(string) reason), data = the revert data as a 0x-hex string.
   */
  public static RpcException reverted(String reasonOrNull, String revertDataHex) {
    String message = reasonOrNull == null ? "execution reverted" : "execution reverted: " + reasonOrNull;
    return new RpcException(EXECUTION_REVERTED, message, TextNode.valueOf(revertDataHex));
  }
}
