package dev.opsim.engine.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.blockchain.BlockTransaction;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.InvalidBlockException;
import dev.opsim.engine.blockchain.InvalidTransactionException;
import dev.opsim.engine.blockchain.MessageCall;
import dev.opsim.engine.blockchain.UnsupportedForkException;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.eth.AccountOverride;
import dev.opsim.engine.eth.CallRequest;
import dev.opsim.engine.eth.TraceBackend;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trace.TraceOptions;
import dev.opsim.engine.trace.Tracers;
import dev.opsim.engine.trace.TransactionRejectedException;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.evm.state.BaseState;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tracing by re-execution: a block up to the traced transaction, or a message on a block's state. */
final class ChainTraceBackend implements TraceBackend {
  private final Blockchain chain;

  ChainTraceBackend(Blockchain chain) {
    this.chain = chain;
  }

  @Override
  public Optional<ObjectNode> traceTransaction(Hash txHash, TraceOptions options) throws TraceFailedException {
    Optional<TxLocation> location = chain.transactionLocation(txHash);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Block block = chain.block(location.get().blockHash())
        .orElseThrow(() -> new TraceFailedException("block " + location.get().blockHash() + " is missing"));
    int index = location.get().index();
    BlockHeader header = block.header();
    List<Receipt> receipts = chain.receipts(block.hash()).orElse(List.of());
    int firstLogIndex = 0;
    for (int i = 0; i < index && i < receipts.size(); i++) {
      firstLogIndex += receipts.get(i).logs().size();
    }
    long gasLimit;
    try {
      BlockTransaction tx = BlockTransaction.decode(block.transactions().get(index), chain.config().chainId(),
          chain.rules().isOptimism());
      gasLimit = switch (tx) {
        case BlockTransaction.Signed s -> s.evm().gasLimit();
        case BlockTransaction.Deposit d -> d.tx().gas();
      };
    } catch (InvalidTransactionException e) {
      throw new TraceFailedException(e.getMessage());
    }
    try {
      return Optional.of(Tracers.trace(options, spec(header), gasLimit, firstLogIndex, tracer -> {
        try {
          return chain.trace(block, index, tracer);
        } catch (InvalidBlockException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }));
    } catch (TransactionRejectedException | IllegalStateException e) {
      throw new TraceFailedException("re-executing block " + header.number() + ": " + e.getMessage());
    }
  }

  @Override
  public ObjectNode traceCall(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides,
      TraceOptions options) throws TraceFailedException {
    BaseState state = ChainEthBackend.withOverrides(chain.state(at), overrides);
    AccountInfo sender = state.account(request.from());
    long nonce = request.nonce().orElse(sender == null ? 0 : sender.nonce());
    try {
      return Tracers.trace(options, spec(at), request.gas(), 0, tracer -> {
        try {
          return MessageCall.run(chain, at, state, ChainEthBackend.message(request, nonce), tracer);
        } catch (UnsupportedForkException e) {
          return new TxResult.Rejected(null, e.getMessage());
        }
      });
    } catch (TransactionRejectedException e) {
      throw new TraceFailedException(e.getMessage());
    }
  }

  private EvmSpec spec(BlockHeader header) throws TraceFailedException {
    try {
      return chain.rules().evmSpec(header.number(), header.timestamp());
    } catch (UnsupportedForkException e) {
      throw new TraceFailedException(e.getMessage());
    }
  }
}
