package dev.opsim.engine.api;

/**
 * The backend cannot start a build from these attributes (e.g. a forced transaction that cannot be decoded or
 * executed, a gas limit it cannot honour). Answered with error -38003 "Invalid payload attributes"; the forkchoice
 * update already applied stays applied (paris.md engine_forkchoiceUpdatedV1 point 8.3).
 */
public final class InvalidPayloadAttributesException extends Exception {

  public InvalidPayloadAttributesException(String message) {
    super(message);
  }
}
