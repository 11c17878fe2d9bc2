package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.BlockRoots;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.engine.state.StateCommitter;
import dev.opsim.engine.state.TrieState;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;

/**
 * One block being executed, transaction by transaction, on its parent's state: used to import a block (every
 * transaction must apply) and to build one (a transaction that does not apply is skipped, the state untouched).
 * Not thread-safe; one per block.
 */
public final class BlockExecution {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final ExecutionRules rules;
  private final ChainStore store;
  private final BlockContext context;
  private final EvmSpec spec;
  private final JournaledState state;
  private final BlockEnv env;
  private final TransactionProcessor processor;
  private final List<Bytes> transactions = new ArrayList<>();
  private final List<Receipt> receipts = new ArrayList<>();
  private long gasUsed;
  private long blobGasUsed;
  private long lastGasUsed;

  public BlockExecution(ExecutionRules rules, ChainStore store, CodeCache codeCache, BlockContext context,
      LongFunction<Hash> blockHashes) throws UnsupportedForkException {
    this.rules = rules;
    this.store = store;
    this.context = context;
    this.spec = rules.evmSpec(context.number(), context.timestamp());
    this.state = new JournaledState(new TrieState(store, context.parent().stateRoot()));
    this.env = new BlockEnv(rules.config().chainId().longValueExact(), context.coinbase(), context.gasLimit(),
        context.number(), context.timestamp(), context.prevRandao(), context.baseFee(), context.excessBlobGas(),
        blockHashes);
    this.processor = new TransactionProcessor(spec, rules.precompiles(spec), codeCache);
    if (rules.isCancun(context.number(), context.timestamp())) {
      beaconRootCall();
    }
  }

  public BlockContext context() {
    return context;
  }

  public long gasUsed() {
    return gasUsed;
  }

  public long gasLeft() {
    return context.gasLimit() - gasUsed;
  }

  /** The gas the most recently applied transaction used. */
  public long lastGasUsed() {
    return lastGasUsed;
  }

  public int transactionCount() {
    return transactions.size();
  }

  /**
   * Runs one transaction and appends it. On {@link InvalidTransactionException} the transaction is not part of
   * the block and the state is as before.
   */
  public Receipt apply(BlockTransaction tx, Tracer tracer) throws InvalidTransactionException {
    Receipt receipt = switch (tx) {
      case BlockTransaction.Signed signed -> applySigned(signed, tracer);
      case BlockTransaction.Deposit deposit -> applyDeposit(deposit, tracer);
    };
    transactions.add(tx.raw());
    receipts.add(receipt);
    return receipt;
  }

  public Receipt apply(BlockTransaction tx) throws InvalidTransactionException {
    return apply(tx, null);
  }

  private Receipt applySigned(BlockTransaction.Signed tx, Tracer tracer) throws InvalidTransactionException {
    if (Long.compareUnsigned(tx.evm().gasLimit(), gasLeft()) > 0) {
      throw new InvalidTransactionException("gas limit reached: transaction gas " + tx.evm().gasLimit()
          + " exceeds the " + gasLeft() + " left in the block");
    }
    TxResult result = processor.process(state, tx.evm(), env, tracer);
    if (result instanceof TxResult.Rejected rejected) {
      throw new InvalidTransactionException(rejected.reason() + ": " + rejected.detail());
    }
    TxResult.Executed executed = (TxResult.Executed) result;
    lastGasUsed = executed.gasUsed();
    gasUsed += executed.gasUsed();
    blobGasUsed += executed.blobGasUsed();
    return Receipt.of(tx.tx().type(), executed.success(), gasUsed, protocolLogs(executed.logs()));
  }

  private Receipt applyDeposit(BlockTransaction.Deposit tx, Tracer tracer) throws InvalidTransactionException {
    throw new InvalidTransactionException("deposits are not executed yet");
  }

  private void beaconRootCall() {
    // EIP-4788: filled in with the system call.
  }

  /** Pays the withdrawals, commits the state and returns what the header commits to. */
  public ExecutedBlock finish(List<ValidatorWithdrawal> withdrawals) {
    if (!withdrawals.isEmpty()) {
      state.beginTransaction();
      for (ValidatorWithdrawal w : withdrawals) {
        state.addBalance(w.address(), new BigInteger(Long.toUnsignedString(w.amountGwei())).multiply(GWEI));
      }
      state.finishTransaction();
    }
    StateCommitter.Committed committed = StateCommitter.apply(store, context.parent().stateRoot(), state.changes());
    return new ExecutedBlock(transactions, receipts, gasUsed, blobGasUsed, committed.stateRoot(),
        BlockRoots.transactionsRoot(transactions), BlockRoots.receiptsRoot(receipts), BlockRoots.logsBloom(receipts),
        committed.newCode());
  }

  static List<Log> protocolLogs(List<dev.opsim.evm.state.Log> logs) {
    List<Log> out = new ArrayList<>(logs.size());
    for (dev.opsim.evm.state.Log log : logs) {
      out.add(new Log(log.address(), log.topics(), log.data()));
    }
    return out;
  }
}
