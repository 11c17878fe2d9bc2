package dev.opsim.engine.api;

import dev.opsim.engine.chain.Block;
import dev.opsim.protocol.Hash;
import java.util.Optional;

/**
 * The chain as the Engine API methods need it: the port {@link EngineApiMethods} calls, implemented over the real
 * chain by the blockchain package. {@link EngineApiMethods} has already done everything that needs no chain data:
 * JSON and version/fork checks, the block hash check, transaction shape, the OP attribute rules. It calls these
 * methods one at a time (never concurrently), so an implementation needs no locking of its own against them.
 */
public interface EngineBackend {

  /**
   * Validates, executes and stores a block; never changes the canonical chain (a later forkchoiceUpdated does). The
   * block's hash equals the payload's blockHash and each transaction is a non-empty EIP-2718 envelope; nothing else
   * is checked yet (header rules, execution, state root). Answers, per paris.md engine_newPayloadV1 point 6:
   * <ul>
   *   <li>{@code VALID} with latestValidHash = the block's hash: executed and stored, or already known and valid;
   *   <li>{@code INVALID} with latestValidHash = the newest valid ancestor (the parent, when the parent is valid)
   *       and a validationError: header rule, execution or root mismatch; also when an ancestor is known invalid;
   *   <li>{@code SYNCING} with no latestValidHash: the parent (or its state) is unknown;
   *   <li>{@code ACCEPTED} with no latestValidHash: a side-chain block stored without execution (optional: an
   *       implementation that executes every block never answers it).
   * </ul>
   * {@code INVALID_BLOCK_HASH} is never an answer (the hash was checked before).
   */
  PayloadStatus newPayload(Block block);

  /**
   * Applies a forkchoice state atomically, as paris.md engine_forkchoiceUpdatedV1 points 1-7 say (zero safe or
   * finalized hashes mean "unknown" and are left unchanged; the head hash is never zero here).
   */
  ForkchoiceOutcome forkchoiceUpdated(ForkchoiceState state);

  /**
   * Starts building a block on {@code parent} (the head just applied) from checked attributes, to be fetched later
   * under {@code id}. Called only after {@link #forkchoiceUpdated} answered {@link ForkchoiceOutcome.Applied} for
   * {@code parent}, with {@code attributes.timestamp() > parent's timestamp}, every forced transaction decodable
   * and, on OP chains, {@code gasLimit} present. The id is derived from parent and attributes, so a second call
   * with an id already building is a repeat of the same request and must keep (not restart) that build. May build
   * synchronously (the derivation's noTxPool blocks are small) or in the background.
   *
   * @throws InvalidPayloadAttributesException when no build can start from these attributes
   */
  void startBuild(PayloadId id, Hash parent, PayloadAttributes attributes) throws InvalidPayloadAttributesException;

  /**
   * The block built for {@code id}, sealed, or empty for an id never started (or forgotten). Blocks until a build
   * under way has a result. The block must also be importable by {@link #newPayload} (the rollup node sends it
   * back).
   */
  Optional<BuiltPayload> getPayload(PayloadId id);
}
