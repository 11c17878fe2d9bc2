package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The result of {@code engine_forkchoiceUpdatedV*} (paris.md): {@code {payloadStatus, payloadId|null}}. */
public record ForkchoiceUpdatedResponse(PayloadStatus payloadStatus, Optional<PayloadId> payloadId) {

  public ForkchoiceUpdatedResponse {
    if (payloadStatus == null || payloadId == null) {
      throw new IllegalArgumentException("forkchoice response fields must not be null");
    }
  }

  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.set("payloadStatus", payloadStatus.toJson());
    if (payloadId.isPresent()) {
      o.put("payloadId", payloadId.get().toString());
    } else {
      o.putNull("payloadId");
    }
    return o;
  }
}
