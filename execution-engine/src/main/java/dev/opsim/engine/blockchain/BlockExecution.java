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
import dev.opsim.evm.op.DepositProcessor;
import dev.opsim.evm.op.DepositResult;
import dev.opsim.evm.op.L1BlockStorage;
import dev.opsim.evm.tx.BeaconRootsCall;
import dev.opsim.evm.tx.FeeRules;
import dev.opsim.evm.tx.ProcessingMode;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
  private final DepositProcessor depositProcessor;
  // OP: the L1 fee parameters, read from L1Block once the block's deposits have run (as op-geth does).
  private L1CostFunction l1CostFunction;
  private final List<Bytes> transactions = new ArrayList<>();
  private final List<Receipt> receipts = new ArrayList<>();
  private long gasUsed;
  private long blobGasUsed;
  private TxResult.Executed lastResult;

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
    this.depositProcessor = new DepositProcessor(spec, rules.precompiles(spec), codeCache);
    if (rules.isCancun(context.number(), context.timestamp()) && context.parentBeaconBlockRoot().isPresent()) {
      // EIP-4788: the parent beacon block root goes into the beacon roots contract before any transaction.
      new BeaconRootsCall(spec, rules.precompiles(spec), codeCache)
          .apply(state, env, context.parentBeaconBlockRoot().get());
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

  /** The outcome of the most recently applied transaction (a deposit's in the same form). */
  public TxResult.Executed lastResult() {
    return lastResult;
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
    if (rules.isOptimism() && tx.evm().type() == 3) {
      throw new InvalidTransactionException("blob transactions are not supported on OP chains");
    }
    if (Long.compareUnsigned(tx.evm().gasLimit(), gasLeft()) > 0) {
      throw new InvalidTransactionException("gas limit reached: transaction gas " + tx.evm().gasLimit()
          + " exceeds the " + gasLeft() + " left in the block");
    }
    FeeRules fees = FeeRules.ETHEREUM;
    if (rules.isOptimism()) {
      if (l1CostFunction == null) {
        l1CostFunction = new L1CostFunction(rules.l1FeeFormula(context.timestamp()), L1BlockStorage.read(state));
      }
      fees = FeeRules.optimism(l1CostFunction.cost(tx.raw()).fee());
    }
    TxResult result = processor.process(state, tx.evm(), env, tracer, fees, ProcessingMode.BLOCK);
    if (result instanceof TxResult.Rejected rejected) {
      throw new InvalidTransactionException(rejected.reason() + ": " + rejected.detail());
    }
    TxResult.Executed executed = (TxResult.Executed) result;
    lastResult = executed;
    gasUsed += executed.gasUsed();
    blobGasUsed += executed.blobGasUsed();
    return Receipt.of(tx.tx().type(), executed.success(), gasUsed, protocolLogs(executed.logs()));
  }

  /** protocol-reference 2.4: a deposit always applies; it can only be refused for not fitting the gas pool. */
  private Receipt applyDeposit(BlockTransaction.Deposit tx, Tracer tracer) throws InvalidTransactionException {
    boolean regolith = rules.isRegolith(context.timestamp());
    boolean systemBypass = !regolith && tx.tx().isSystemTx();
    if (!systemBypass && Long.compareUnsigned(tx.tx().gas(), gasLeft()) > 0) {
      throw new InvalidTransactionException("gas limit reached: deposit gas " + Long.toUnsignedString(tx.tx().gas())
          + " exceeds the " + gasLeft() + " left in the block");
    }
    DepositResult result = depositProcessor.process(state, tx.tx(), env, regolith, tracer);
    lastResult = new TxResult.Executed(result.success(), result.status(), result.gasUsed(), 0, result.logs(),
        result.output(), result.contractAddress());
    gasUsed += result.gasUsed();
    // 2.5: depositNonce from Regolith; the receipt version (and both in the consensus encoding) from Canyon.
    return Receipt.deposit(result.success(), gasUsed, protocolLogs(result.logs()),
        regolith ? OptionalLong.of(result.depositNonce()) : OptionalLong.empty(),
        rules.isCanyon(context.timestamp()));
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
