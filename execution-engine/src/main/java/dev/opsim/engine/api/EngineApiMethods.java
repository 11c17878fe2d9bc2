package dev.opsim.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.EthereumFork;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcParams;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Engine API methods (protocol-reference 6.3; execution-apis paris.md, shanghai.md, cancun.md, common.md) over an
 * {@link EngineBackend}: {@code engine_exchangeCapabilities}, {@code engine_forkchoiceUpdatedV2/V3},
 * {@code engine_getPayloadV2/V3}, {@code engine_newPayloadV2/V3}.
 *
 * <p>Fork rules follow the chain config, with OP forks mapped onto L1 ones (Canyon = Shanghai, Ecotone = Cancun,
 * Isthmus = Prague): V2 methods serve pre-Cancun timestamps, V3 methods Cancun ones (forkchoiceUpdatedV3 also Prague,
 * as op-geth). Isthmus blocks need the V4 methods, which are not here. Every call that reaches the backend holds one
 * lock, so the backend sees the calls one at a time (op-geth serialises forkchoiceUpdated and newPayload too).
 */
public final class EngineApiMethods {

  /** What {@code engine_exchangeCapabilities} answers: the methods registered here, never itself (common.md). */
  public static final List<String> CAPABILITIES = List.of(
      "engine_forkchoiceUpdatedV2", "engine_forkchoiceUpdatedV3",
      "engine_getPayloadV2", "engine_getPayloadV3",
      "engine_newPayloadV2", "engine_newPayloadV3");

  private final ChainConfig config;
  private final EngineBackend backend;
  private final ReentrantLock lock = new ReentrantLock();
  private final AttributeRules attributeRules;

  public EngineApiMethods(ChainConfig config, EngineBackend backend) {
    if (config == null || backend == null) {
      throw new IllegalArgumentException("config and backend are required");
    }
    this.config = config;
    this.backend = backend;
    this.attributeRules = new AttributeRules(config);
  }

  /** The seven methods, ready for the Engine API server ({@link EngineApiServer}). */
  public RpcMethods methods() {
    return RpcMethods.builder()
        .add("engine_exchangeCapabilities", this::exchangeCapabilities)
        .add("engine_forkchoiceUpdatedV2", params -> forkchoiceUpdated(2, params))
        .add("engine_forkchoiceUpdatedV3", params -> forkchoiceUpdated(3, params))
        .add("engine_getPayloadV2", params -> getPayload(2, params))
        .add("engine_getPayloadV3", params -> getPayload(3, params))
        .add("engine_newPayloadV2", params -> newPayload(2, params))
        .add("engine_newPayloadV3", params -> newPayload(3, params))
        .build();
  }

  private JsonNode exchangeCapabilities(JsonNode params) throws RpcException {
    JsonNode offered = RpcParams.positional(params, 1, 1).get(0);
    if (!offered.isArray()) {
      throw RpcException.invalidParams("invalid argument 0: expected an array of method names");
    }
    for (JsonNode name : offered) {
      if (!name.isTextual()) {
        throw RpcException.invalidParams("invalid argument 0: method names are strings");
      }
    }
    ArrayNode result = EngineJson.NODES.arrayNode();
    CAPABILITIES.forEach(result::add);
    return result;
  }

  // --- forkchoiceUpdated ---

  private JsonNode forkchoiceUpdated(int version, JsonNode params) throws RpcException {
    ArrayNode args = RpcParams.positional(params, 1, 2);
    ForkchoiceState state = parse(0, () -> ForkchoiceState.fromJson(args.get(0)));
    JsonNode attributesJson = args.size() > 1 ? args.get(1) : null;
    Optional<PayloadAttributes> attributes = attributesJson == null || attributesJson.isNull()
        ? Optional.empty()
        : Optional.of(parse(1, () -> PayloadAttributes.fromJson(attributesJson)));
    return forkchoiceUpdated(version, state, attributes).toJson();
  }

  /** The typed form of {@code engine_forkchoiceUpdatedV{version}}. */
  public ForkchoiceUpdatedResponse forkchoiceUpdated(int version, ForkchoiceState state,
      Optional<PayloadAttributes> attributes) throws RpcException {
    requireVersion(version);
    if (state.headBlockHash().equals(Hash.ZERO)) {
      // op-geth answers a zero head with a bare INVALID and changes nothing.
      return new ForkchoiceUpdatedResponse(
          new PayloadStatus(PayloadStatus.Status.INVALID, Optional.empty(), Optional.empty()), Optional.empty());
    }
    lock.lock();
    try {
      ForkchoiceOutcome outcome = backend.forkchoiceUpdated(state);
      return switch (outcome) {
        case ForkchoiceOutcome.Syncing s -> new ForkchoiceUpdatedResponse(PayloadStatus.syncing(), Optional.empty());
        case ForkchoiceOutcome.Invalid invalid -> new ForkchoiceUpdatedResponse(invalid.status(), Optional.empty());
        case ForkchoiceOutcome.InconsistentState bad -> throw EngineApiErrors.invalidForkchoiceState(bad.reason());
        case ForkchoiceOutcome.Applied applied -> {
          // paris.md point 8: attributes are checked only after the state was applied, and a failure does not
          // roll it back.
          Optional<PayloadId> id = Optional.empty();
          if (attributes.isPresent()) {
            id = Optional.of(startBuild(version, state.headBlockHash(), applied.head(), attributes.get()));
          }
          yield new ForkchoiceUpdatedResponse(PayloadStatus.valid(state.headBlockHash()), id);
        }
      };
    } finally {
      lock.unlock();
    }
  }

  private PayloadId startBuild(int version, Hash headHash, BlockHeader head, PayloadAttributes attributes)
      throws RpcException {
    attributeRules.check(version, attributes, head);
    PayloadId id = PayloadId.of(version, headHash, attributes);
    try {
      backend.startBuild(id, headHash, attributes);
    } catch (InvalidPayloadAttributesException e) {
      throw EngineApiErrors.invalidPayloadAttributes(e.getMessage());
    }
    return id;
  }

  // --- getPayload ---

  private JsonNode getPayload(int version, JsonNode params) throws RpcException {
    JsonNode idJson = RpcParams.positional(params, 1, 1).get(0);
    PayloadId id = parse(0, () -> new PayloadId(EngineJson.fixedData(idJson, "payloadId", PayloadId.SIZE)));
    ExecutionPayloadEnvelope envelope = getPayload(version, id);
    return version == 2 ? envelope.toJsonV2() : envelope.toJsonV3();
  }

  /** The typed form of {@code engine_getPayloadV{version}}. */
  public ExecutionPayloadEnvelope getPayload(int version, PayloadId id) throws RpcException {
    requireVersion(version);
    Optional<BuiltPayload> built;
    lock.lock();
    try {
      built = backend.getPayload(id);
    } finally {
      lock.unlock();
    }
    // Unknown first, then the version: op-geth checks the id's version byte first, but then an unknown id would
    // get -38005 instead of the spec's -38001 whenever its first byte is not 3.
    if (built.isEmpty()) {
      throw EngineApiErrors.unknownPayload();
    }
    long timestamp = built.get().block().header().timestamp();
    boolean cancun = isActive(EthereumFork.CANCUN, timestamp);
    if (version == 2 && (cancun || !(id.version() == 1 || id.version() == 2))) {
      throw EngineApiErrors.unsupportedFork("getPayloadV2 serves payloads built by forkchoiceUpdatedV1/V2 "
          + "before Cancun (Ecotone)");
    }
    if (version == 3 && (!cancun || id.version() != 3)) {
      throw EngineApiErrors.unsupportedFork("getPayloadV3 serves payloads built by forkchoiceUpdatedV3 from Cancun "
          + "(Ecotone)");
    }
    if (built.get().block().header().requestsHash().isPresent()) {
      throw EngineApiErrors.unsupportedFork("a Prague (Isthmus) payload needs getPayloadV4, which is not served");
    }
    return ExecutionPayloadEnvelope.of(built.get());
  }

  // --- newPayload ---

  private JsonNode newPayload(int version, JsonNode params) throws RpcException {
    if (version == 2) {
      JsonNode payloadJson = RpcParams.positional(params, 1, 1).get(0);
      ExecutionPayload payload = parse(0, () -> ExecutionPayload.fromJson(payloadJson));
      return newPayloadV2(payload).toJson();
    }
    ArrayNode args = RpcParams.positional(params, 3, 3);
    ExecutionPayload payload = parse(0, () -> ExecutionPayload.fromJson(args.get(0)));
    List<Hash> versionedHashes = parse(1, () -> EngineJson.hashList(args.get(1), "expectedBlobVersionedHashes"));
    Hash beaconRoot = parse(2, () -> EngineJson.hash(args.get(2), "parentBeaconBlockRoot"));
    return newPayloadV3(payload, versionedHashes, beaconRoot).toJson();
  }

  /** The typed form of {@code engine_newPayloadV2} (shanghai.md, cancun.md "Update the methods of previous forks"). */
  public PayloadStatus newPayloadV2(ExecutionPayload payload) throws RpcException {
    long timestamp = payload.timestamp();
    if (isActive(EthereumFork.CANCUN, timestamp)) {
      throw EngineApiErrors.unsupportedFork("newPayloadV2 cannot take a Cancun (Ecotone) payload");
    }
    if (payload.blobGasUsed().isPresent()) {
      throw RpcException.invalidParams("non-nil blobGasUsed and excessBlobGas pre-Cancun");
    }
    boolean shanghai = isActive(EthereumFork.SHANGHAI, timestamp);
    if (shanghai && payload.withdrawals().isEmpty()) {
      throw RpcException.invalidParams("nil withdrawals post-Shanghai (Canyon): ExecutionPayloadV2 required");
    }
    if (!shanghai && payload.withdrawals().isPresent()) {
      throw RpcException.invalidParams("non-nil withdrawals pre-Shanghai (Canyon): ExecutionPayloadV1 required");
    }
    return importPayload(payload, List.of(), Optional.empty());
  }

  /** The typed form of {@code engine_newPayloadV3} (cancun.md). */
  public PayloadStatus newPayloadV3(ExecutionPayload payload, List<Hash> expectedBlobVersionedHashes,
      Hash parentBeaconBlockRoot) throws RpcException {
    if (payload.version() != 3) {
      throw RpcException.invalidParams("newPayloadV3 needs an ExecutionPayloadV3 (withdrawals, blobGasUsed, "
          + "excessBlobGas), got V" + payload.version());
    }
    long timestamp = payload.timestamp();
    if (!isActive(EthereumFork.CANCUN, timestamp) || isActive(EthereumFork.PRAGUE, timestamp)) {
      throw EngineApiErrors.unsupportedFork("newPayloadV3 must only be called for Cancun (Ecotone) payloads");
    }
    return importPayload(payload, expectedBlobVersionedHashes, Optional.of(parentBeaconBlockRoot));
  }

  /**
   * The checks every newPayload runs before the chain is consulted (paris.md engine_newPayloadV1 points 1-2,
   * cancun.md point 3, op-geth's Holocene extraData check), each failing with INVALID and no latestValidHash; then
   * the backend.
   */
  private PayloadStatus importPayload(ExecutionPayload payload, List<Hash> expectedBlobVersionedHashes,
      Optional<Hash> beaconRoot) {
    Optional<String> opProblem = PayloadRules.opProblem(config, payload);
    if (opProblem.isPresent()) {
      return PayloadStatus.invalid(Optional.empty(), opProblem.get());
    }
    List<Hash> blobHashes;
    try {
      blobHashes = PayloadRules.blobVersionedHashes(payload.transactions());
    } catch (DecodeException e) {
      return PayloadStatus.invalid(Optional.empty(), e.getMessage());
    }
    if (!blobHashes.equals(expectedBlobVersionedHashes)) {
      return PayloadStatus.invalid(Optional.empty(), "invalid versionedHashes: expected "
          + expectedBlobVersionedHashes + ", the payload's blob transactions have " + blobHashes);
    }
    Block block;
    try {
      block = payload.toBlock(beaconRoot);
    } catch (DecodeException e) {
      return PayloadStatus.invalid(Optional.empty(), e.getMessage());
    }
    Hash computed = block.hash();
    if (!computed.equals(payload.blockHash())) {
      // shanghai.md: V2+ report a block hash mismatch as INVALID (V1's INVALID_BLOCK_HASH is supplanted).
      return PayloadStatus.invalid(Optional.empty(),
          "blockhash mismatch, want " + payload.blockHash() + ", got " + computed);
    }
    lock.lock();
    try {
      return backend.newPayload(block);
    } finally {
      lock.unlock();
    }
  }

  private static void requireVersion(int version) {
    if (version != 2 && version != 3) {
      throw new IllegalArgumentException("only the V2 and V3 methods are served, not V" + version);
    }
  }

  private boolean isActive(EthereumFork fork, long timestamp) {
    // Shanghai and later are timestamp forks; the block number only matters for London.
    return config.isActive(fork, 0, timestamp);
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse() throws DecodeException;
  }

  /** Malformed parameters are -32602, named by position as geth does ("invalid argument 0: ..."). */
  private static <T> T parse(int position, Parser<T> parser) throws RpcException {
    try {
      return parser.parse();
    } catch (DecodeException e) {
      throw RpcException.invalidParams("invalid argument " + position + ": " + e.getMessage());
    }
  }
}
