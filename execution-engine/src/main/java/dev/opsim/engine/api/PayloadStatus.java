package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;
import static dev.opsim.engine.api.EngineJson.object;
import static dev.opsim.engine.api.EngineJson.optionalHash;
import static dev.opsim.engine.api.EngineJson.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.Optional;

/**
 * {@code PayloadStatusV1} (paris.md; protocol-reference 6.2): {@code {status, latestValidHash, validationError}},
 * absent values written as JSON null.
 */
public record PayloadStatus(Status status, Optional<Hash> latestValidHash, Optional<String> validationError) {

  /** The status strings of paris.md, spelled as on the wire by {@link #name()}. */
  public enum Status {
    VALID,
    INVALID,
    SYNCING,
    ACCEPTED,
    /** Only newPayloadV1 answers this; V2+ say INVALID instead (shanghai.md). */
    INVALID_BLOCK_HASH
  }

  public PayloadStatus {
    if (status == null || latestValidHash == null || validationError == null) {
      throw new IllegalArgumentException("payload status fields must not be null (absent ones are empty)");
    }
  }

  /** Fully validated (or already known): {@code latestValidHash} is the block itself. */
  public static PayloadStatus valid(Hash blockHash) {
    return new PayloadStatus(Status.VALID, Optional.of(blockHash), Optional.empty());
  }

  /**
   * Failed validation.
   *
   * @param latestValidHash the newest valid ancestor (usually the parent); empty when it cannot be told, e.g. the
   *     payload itself is malformed
   */
  public static PayloadStatus invalid(Optional<Hash> latestValidHash, String error) {
    return new PayloadStatus(Status.INVALID, latestValidHash, Optional.of(error));
  }

  /** Data needed to validate is missing (e.g. the parent is unknown). */
  public static PayloadStatus syncing() {
    return new PayloadStatus(Status.SYNCING, Optional.empty(), Optional.empty());
  }

  /** Well-formed, ancestors known, but not executed (a side chain). */
  public static PayloadStatus accepted() {
    return new PayloadStatus(Status.ACCEPTED, Optional.empty(), Optional.empty());
  }

  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.put("status", status.name());
    if (latestValidHash.isPresent()) {
      o.put("latestValidHash", latestValidHash.get().toString());
    } else {
      o.putNull("latestValidHash");
    }
    if (validationError.isPresent()) {
      o.put("validationError", validationError.get());
    } else {
      o.putNull("validationError");
    }
    return o;
  }

  public static PayloadStatus fromJson(JsonNode json) throws DecodeException {
    JsonNode o = object(json, "payloadStatus");
    JsonNode status = required(o, "status");
    Status parsed = null;
    for (Status s : Status.values()) {
      if (status.isTextual() && s.name().equals(status.textValue())) {
        parsed = s;
      }
    }
    if (parsed == null) {
      throw new DecodeException("status: not a PayloadStatusV1 status: " + status);
    }
    JsonNode error = EngineJson.member(o, "validationError");
    if (error != null && !error.isTextual()) {
      throw new DecodeException("validationError: expected a string or null");
    }
    return new PayloadStatus(parsed, optionalHash(o, "latestValidHash"),
        error == null ? Optional.empty() : Optional.of(error.textValue()));
  }
}
