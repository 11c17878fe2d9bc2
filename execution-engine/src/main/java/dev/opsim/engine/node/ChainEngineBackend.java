package dev.opsim.engine.node;

import dev.opsim.engine.api.BuiltPayload;
import dev.opsim.engine.api.EngineBackend;
import dev.opsim.engine.api.ForkchoiceOutcome;
import dev.opsim.engine.api.ForkchoiceState;
import dev.opsim.engine.api.InvalidPayloadAttributesException;
import dev.opsim.engine.api.PayloadAttributes;
import dev.opsim.engine.api.PayloadId;
import dev.opsim.engine.api.PayloadStatus;
import dev.opsim.engine.blockchain.BlockBuilder;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.BuildException;
import dev.opsim.engine.blockchain.BuildRequest;
import dev.opsim.engine.blockchain.BuiltBlock;
import dev.opsim.engine.blockchain.ForkchoiceResult;
import dev.opsim.engine.blockchain.ImportResult;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.txpool.TxPool;
import dev.opsim.protocol.Hash;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine API over the chain. Payloads are built at once when forkchoiceUpdated carries attributes (a build
 * takes milliseconds here), and kept for getPayload until evicted by newer ones.
 */
final class ChainEngineBackend implements EngineBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEngineBackend.class);
  private static final int KEPT_PAYLOADS = 64;

  private final Blockchain chain;
  private final BlockBuilder builder;
  private final Map<PayloadId, BuiltPayload> payloads = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PayloadId, BuiltPayload> eldest) {
      return size() > KEPT_PAYLOADS;
    }
  };

  ChainEngineBackend(Blockchain chain, TxPool pool) {
    this.chain = chain;
    this.builder = new BlockBuilder(chain, Optional.of(pool));
  }

  @Override
  public PayloadStatus newPayload(Block block) {
    long started = System.nanoTime();
    ImportResult result = chain.importBlock(block);
    return switch (result) {
      case ImportResult.Valid valid -> {
        LOG.info("imported block {} hash={} txs={} gas={} ms={}", block.header().number(), valid.blockHash(),
            block.transactions().size(), block.header().gasUsed(), (System.nanoTime() - started) / 1_000_000);
        yield PayloadStatus.valid(valid.blockHash());
      }
      case ImportResult.Invalid invalid -> {
        LOG.warn("invalid block {} hash={}: {}", block.header().number(), block.hash(), invalid.error());
        yield PayloadStatus.invalid(Optional.of(invalid.latestValidHash()), invalid.error());
      }
      case ImportResult.Syncing syncing -> PayloadStatus.syncing();
    };
  }

  @Override
  public ForkchoiceOutcome forkchoiceUpdated(ForkchoiceState state) {
    ForkchoiceResult result = chain.forkchoice(state.headBlockHash(), state.safeBlockHash(),
        state.finalizedBlockHash());
    return switch (result) {
      case ForkchoiceResult.Updated updated -> new ForkchoiceOutcome.Applied(updated.head());
      case ForkchoiceResult.UnknownHead unknown -> new ForkchoiceOutcome.Syncing();
      case ForkchoiceResult.InvalidHead invalid -> new ForkchoiceOutcome.Invalid(PayloadStatus.invalid(
          Optional.of(invalid.invalid().latestValidHash()), invalid.invalid().error()));
      case ForkchoiceResult.InconsistentState inconsistent ->
          new ForkchoiceOutcome.InconsistentState(inconsistent.error());
    };
  }

  @Override
  public void startBuild(PayloadId id, Hash parent, PayloadAttributes attributes)
      throws InvalidPayloadAttributesException {
    synchronized (payloads) {
      if (payloads.containsKey(id)) {
        return;
      }
    }
    BuildRequest request = new BuildRequest(parent, attributes.timestamp(), attributes.suggestedFeeRecipient(),
        attributes.prevRandao(), attributes.withdrawals().orElse(List.of()), attributes.parentBeaconBlockRoot(),
        attributes.transactions(), attributes.noTxPool(), attributes.gasLimit(), attributes.eip1559Params());
    BuiltBlock built;
    try {
      built = builder.build(request);
    } catch (BuildException e) {
      throw new InvalidPayloadAttributesException(e.getMessage());
    }
    synchronized (payloads) {
      payloads.put(id, new BuiltPayload(built.block(), built.blockValue()));
    }
  }

  @Override
  public Optional<BuiltPayload> getPayload(PayloadId id) {
    synchronized (payloads) {
      return Optional.ofNullable(payloads.get(id));
    }
  }
}
