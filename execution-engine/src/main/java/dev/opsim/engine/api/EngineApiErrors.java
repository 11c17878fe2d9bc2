package dev.opsim.engine.api;

import dev.opsim.engine.rpc.RpcException;

/** The Engine API's own JSON-RPC error codes (common.md "Errors"; protocol-reference 6.3). */
public final class EngineApiErrors {

  public static final int UNKNOWN_PAYLOAD = -38001;
  public static final int INVALID_FORKCHOICE_STATE = -38002;
  public static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;
  public static final int TOO_LARGE_REQUEST = -38004;
  public static final int UNSUPPORTED_FORK = -38005;
  public static final int TOO_DEEP_REORG = -38006;

  private EngineApiErrors() {}

  public static RpcException unknownPayload() {
    return new RpcException(UNKNOWN_PAYLOAD, "Unknown payload");
  }

  public static RpcException invalidForkchoiceState(String reason) {
    return new RpcException(INVALID_FORKCHOICE_STATE, "Invalid forkchoice state: " + reason);
  }

  public static RpcException invalidPayloadAttributes(String reason) {
    return new RpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes: " + reason);
  }

  public static RpcException unsupportedFork(String reason) {
    return new RpcException(UNSUPPORTED_FORK, "Unsupported fork: " + reason);
  }
}
