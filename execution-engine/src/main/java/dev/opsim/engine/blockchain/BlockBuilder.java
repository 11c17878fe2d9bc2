package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.BlobGas;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.BlockRoots;
import dev.opsim.engine.chain.Eip1559Params;
import dev.opsim.engine.chain.HeaderValidationException;
import dev.opsim.engine.chain.HeaderValidator;
import dev.opsim.engine.chain.HoloceneExtraData;
import dev.opsim.engine.genesis.EthereumFork;
import dev.opsim.engine.txpool.PendingTransactions;
import dev.opsim.engine.txpool.PooledTransaction;
import dev.opsim.engine.txpool.TxPool;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * Builds a block on a known parent: the OP forced transactions first (each must apply, as op-geth requires), then
 * the pool's executable transactions in price-and-nonce order while gas is left, unless {@code noTxPool}. The
 * result is sealed and stored (not made canonical), so a later newPayload of it is a cheap "already known".
 */
public final class BlockBuilder {
  private static final long TX_GAS = 21_000;

  private final Blockchain chain;
  private final HeaderValidator validator;
  private final Optional<TxPool> pool;

  public BlockBuilder(Blockchain chain, Optional<TxPool> pool) {
    this.chain = chain;
    this.validator = new HeaderValidator(chain.config());
    this.pool = pool;
  }

  public BuiltBlock build(BuildRequest request) throws BuildException {
    BlockHeader parent = chain.header(request.parentHash())
        .orElseThrow(() -> new BuildException("unknown parent block " + request.parentHash()));
    ExecutionRules rules = chain.rules();
    long number = parent.number() + 1;
    long timestamp = request.timestamp();
    if (Long.compareUnsigned(timestamp, parent.timestamp()) <= 0) {
      throw new BuildException("timestamp " + Long.toUnsignedString(timestamp) + " is not after the parent's "
          + Long.toUnsignedString(parent.timestamp()));
    }
    BigInteger baseFee;
    try {
      baseFee = validator.expectedBaseFee(parent, timestamp);
    } catch (HeaderValidationException e) {
      throw new BuildException(e.getMessage());
    }
    boolean cancun = rules.isCancun(number, timestamp);
    long excessBlobGas = cancun && parent.excessBlobGas().isPresent()
        ? BlobGas.excessBlobGas(parent.excessBlobGas().getAsLong(), parent.blobGasUsed().orElse(0))
        : 0;
    long gasLimit = request.gasLimit().orElse(parent.gasLimit());
    if (cancun && request.parentBeaconBlockRoot().isEmpty()) {
      throw new BuildException("a Cancun block needs a parentBeaconBlockRoot");
    }
    BlockContext context = new BlockContext(parent, number, timestamp, request.feeRecipient(),
        request.prevRandao(), gasLimit, baseFee, excessBlobGas,
        cancun ? request.parentBeaconBlockRoot() : Optional.empty());

    Block block;
    ExecutedBlock executed;
    BigInteger value = BigInteger.ZERO;
    synchronized (chain.writeLock()) {
      BlockExecution execution;
      try {
        execution = new BlockExecution(rules, chain.store(), chain.codeCache(), context, chain.blockHashes(parent));
      } catch (UnsupportedForkException e) {
        throw new BuildException(e.getMessage());
      }
      for (int i = 0; i < request.forcedTransactions().size(); i++) {
        try {
          BlockTransaction tx = BlockTransaction.decode(request.forcedTransactions().get(i),
              rules.config().chainId(), rules.isOptimism());
          execution.apply(tx);
          value = value.add(tip(tx, execution, baseFee));
        } catch (InvalidTransactionException e) {
          throw new BuildException("forced transaction " + i + " cannot be included: " + e.getMessage());
        }
      }
      if (!request.noTxPool() && pool.isPresent()) {
        value = value.add(fillFromPool(execution, pool.get(), baseFee));
      }
      executed = execution.finish(request.withdrawals());
      block = seal(request, context, executed, rules);
      chain.storeBuilt(block, executed);
    }
    return new BuiltBlock(block, executed.receipts(), value);
  }

  private BigInteger fillFromPool(BlockExecution execution, TxPool pool, BigInteger baseFee) {
    BigInteger value = BigInteger.ZERO;
    PendingTransactions pending = pool.pending(baseFee);
    while (execution.gasLeft() >= TX_GAS) {
      Optional<PooledTransaction> next = pending.peek();
      if (next.isEmpty()) {
        break;
      }
      PooledTransaction pooled = next.get();
      if (Long.compareUnsigned(pooled.tx().gas(), execution.gasLeft()) > 0) {
        pending.pop(); // too big for what is left: skip this sender for this block
        continue;
      }
      try {
        Transaction tx = pooled.tx();
        Bytes raw = tx.encode();
        BlockTransaction.Signed signed = new BlockTransaction.Signed(raw, pooled.hash(), tx, pooled.sender(),
            BlockTransaction.toEvm(tx, pooled.sender()));
        execution.apply(signed);
        value = value.add(tip(signed, execution, baseFee));
        pending.shift();
      } catch (InvalidTransactionException e) {
        pending.pop();
        pool.remove(pooled.hash());
      }
    }
    return value;
  }

  /** What the fee recipient earns from one transaction: its gas times the tip above the base fee. */
  private static BigInteger tip(BlockTransaction tx, BlockExecution execution, BigInteger baseFee) {
    if (!(tx instanceof BlockTransaction.Signed signed)) {
      return BigInteger.ZERO;
    }
    return BigInteger.valueOf(execution.lastResult().gasUsed()).multiply(signed.evm().priorityFee(baseFee).max(BigInteger.ZERO));
  }

  private Block seal(BuildRequest request, BlockContext context, ExecutedBlock executed, ExecutionRules rules)
      throws BuildException {
    long number = context.number();
    long timestamp = context.timestamp();
    boolean shanghai = rules.config().isActive(EthereumFork.SHANGHAI, number, timestamp);
    boolean cancun = rules.isCancun(number, timestamp);
    Bytes extraData = Bytes.EMPTY;
    if (rules.isOptimism() && rules.config().isActive(Fork.HOLOCENE, timestamp)) {
      extraData = HoloceneExtraData.encode(holoceneParams(request, rules, timestamp));
    }
    BlockHeader header = new BlockHeader(
        context.parent().hash(),
        BlockHeader.EMPTY_OMMERS_HASH,
        context.coinbase(),
        executed.stateRoot(),
        executed.transactionsRoot(),
        executed.receiptsRoot(),
        executed.logsBloom(),
        BigInteger.ZERO,
        number,
        context.gasLimit(),
        executed.gasUsed(),
        timestamp,
        extraData,
        context.prevRandao(),
        0,
        Optional.of(context.baseFee()),
        shanghai ? Optional.of(BlockRoots.withdrawalsRoot(request.withdrawals())) : Optional.empty(),
        cancun ? OptionalLong.of(executed.blobGasUsed()) : OptionalLong.empty(),
        cancun ? OptionalLong.of(context.excessBlobGas()) : OptionalLong.empty(),
        context.parentBeaconBlockRoot(),
        Optional.empty());
    return new Block(header, executed.transactions(),
        shanghai ? Optional.of(request.withdrawals()) : Optional.empty());
  }

  /** Holocene: the attributes' eip1559Params, or the chain's Canyon values when they are zero (op-geth). */
  private static Eip1559Params holoceneParams(BuildRequest request, ExecutionRules rules, long timestamp)
      throws BuildException {
    Bytes params = request.eip1559Params()
        .orElseThrow(() -> new BuildException("Holocene payload attributes need eip1559Params"));
    if (params.size() != 8) {
      throw new BuildException("eip1559Params must be 8 bytes, got " + params.size());
    }
    long denominator = params.slice(0, 4).toLong();
    long elasticity = params.slice(4, 4).toLong();
    if (denominator == 0 && elasticity == 0) {
      return rules.config().eip1559Params(timestamp);
    }
    return new Eip1559Params(elasticity, denominator);
  }
}
