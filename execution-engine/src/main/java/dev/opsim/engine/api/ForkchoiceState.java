package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;
import static dev.opsim.engine.api.EngineJson.hash;
import static dev.opsim.engine.api.EngineJson.object;
import static dev.opsim.engine.api.EngineJson.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;

/**
 * {@code ForkchoiceStateV1} (paris.md; protocol-reference 6.2, 5.13): the unsafe, safe and finalized heads. A zero
 * safe or finalized hash means "not known yet" and is not checked against the chain.
 */
public record ForkchoiceState(Hash headBlockHash, Hash safeBlockHash, Hash finalizedBlockHash) {

  public ForkchoiceState {
    if (headBlockHash == null || safeBlockHash == null || finalizedBlockHash == null) {
      throw new IllegalArgumentException("forkchoice hashes must not be null (use Hash.ZERO)");
    }
  }

  public static ForkchoiceState fromJson(JsonNode json) throws DecodeException {
    JsonNode s = object(json, "forkchoiceState");
    return new ForkchoiceState(
        hash(required(s, "headBlockHash"), "headBlockHash"),
        hash(required(s, "safeBlockHash"), "safeBlockHash"),
        hash(required(s, "finalizedBlockHash"), "finalizedBlockHash"));
  }

  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.put("headBlockHash", headBlockHash.toString());
    o.put("safeBlockHash", safeBlockHash.toString());
    o.put("finalizedBlockHash", finalizedBlockHash.toString());
    return o;
  }
}
