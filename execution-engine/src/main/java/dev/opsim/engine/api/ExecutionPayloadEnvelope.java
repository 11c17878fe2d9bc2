package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The result of {@code engine_getPayloadV2/V3} (shanghai.md, cancun.md; protocol-reference 6.3). V3 adds an empty
 * {@code blobsBundle} (OP carries no blobs), {@code shouldOverrideBuilder: false} and, as op-geth does, the block's
 * {@code parentBeaconBlockRoot} (the L1 origin's), which the rollup node passes back to newPayloadV3.
 */
public record ExecutionPayloadEnvelope(
    ExecutionPayload executionPayload, BigInteger blockValue, Optional<Hash> parentBeaconBlockRoot) {

  public ExecutionPayloadEnvelope {
    if (executionPayload == null || blockValue == null || parentBeaconBlockRoot == null) {
      throw new IllegalArgumentException("envelope fields must not be null");
    }
  }

  public static ExecutionPayloadEnvelope of(BuiltPayload built) {
    return new ExecutionPayloadEnvelope(ExecutionPayload.fromBlock(built.block()), built.blockValue(),
        built.block().header().parentBeaconBlockRoot());
  }

  /** {@code {executionPayload, blockValue}}. */
  public ObjectNode toJsonV2() {
    ObjectNode o = NODES.objectNode();
    o.set("executionPayload", executionPayload.toJson());
    o.put("blockValue", EngineJson.quantity(blockValue));
    return o;
  }

  /** V2's members plus {@code blobsBundle}, {@code shouldOverrideBuilder} and OP's {@code parentBeaconBlockRoot}. */
  public ObjectNode toJsonV3() {
    ObjectNode o = toJsonV2();
    ObjectNode bundle = o.putObject("blobsBundle");
    bundle.putArray("commitments");
    bundle.putArray("proofs");
    bundle.putArray("blobs");
    o.put("shouldOverrideBuilder", false);
    parentBeaconBlockRoot.ifPresent(root -> o.put("parentBeaconBlockRoot", root.toString()));
    return o;
  }
}
