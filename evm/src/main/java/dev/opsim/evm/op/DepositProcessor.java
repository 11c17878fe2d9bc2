package dev.opsim.evm.op;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.Evm;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.ExecutionResult;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.IntrinsicGas;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * Executes deposited transactions (type 0x7E) against a {@link JournaledState} (protocol-reference 2.4; op-geth
 * {@code core/state_transition.go} {@code TransitionDb}, {@code preCheck}, {@code innerTransitionDb}):
 * <ol>
 *   <li>{@code mint} is credited to {@code from} first and is never undone;</li>
 *   <li>no signature, nonce, fee or EOA checks; gas price 0, so nothing is bought, refunded, burned or paid to
 *       the coinbase (which is not even touched);</li>
 *   <li>the nonce of {@code from} is bumped as for a normal transaction; a creation lands at
 *       {@code create(from, nonceBefore)};</li>
 *   <li>gas used: from Regolith the metered gas after the EIP-3529 refund; before Regolith the full gas limit, or
 *       0 for a system transaction;</li>
 *   <li>a non-EVM failure (intrinsic gas above the limit, {@code value} above the balance after the mint, init
 *       code too large, a system transaction from Regolith) still includes the deposit: the state goes back to
 *       just after the mint, the nonce is bumped, the status is 0 and the gas used is the gas limit (0 for a
 *       pre-Regolith system transaction).</li>
 * </ol>
 * The block gas pool is the caller's: op-geth takes {@code gas} from it for every non-system deposit before
 * executing and rejects the whole block when it does not fit; this class does not check it.
 */
public final class DepositProcessor {
  private final EvmSpec spec;
  private final PrecompileRegistry precompiles;
  private final CodeCache codeCache;

  public DepositProcessor(EvmSpec spec, PrecompileRegistry precompiles, CodeCache codeCache) {
    this.spec = spec;
    this.precompiles = precompiles;
    this.codeCache = codeCache;
  }

  public DepositResult process(JournaledState state, DepositTx deposit, BlockEnv block, boolean regolith) {
    return process(state, deposit, block, regolith, null);
  }

  /**
   * Executes {@code deposit}; {@code regolith} says whether Regolith is active at the block's timestamp (the
   * engine decides fork activation). {@code tracer} may be null.
   *
   * @throws IllegalArgumentException when {@code deposit.gas()} exceeds 2^63-1, which no block gas pool allows
   */
  public DepositResult process(JournaledState state, DepositTx deposit, BlockEnv block, boolean regolith,
      Tracer tracer) {
    if (deposit.gas() < 0) {
      throw new IllegalArgumentException("deposit gas " + Long.toUnsignedString(deposit.gas())
          + " exceeds any block gas limit");
    }
    state.beginTransaction();
    Address from = deposit.from();
    if (deposit.mint().signum() != 0) {
      state.addBalance(from, deposit.mint());
    }
    int afterMint = state.checkpoint();
    long nonce = state.nonce(from);
    Transaction asTx = asTransaction(deposit, nonce);

    String failure = precheck(state, deposit, asTx, regolith);
    if (failure != null) {
      state.revert(afterMint);
      state.setNonce(from, nonce + 1);
      state.finishTransaction();
      long gasUsed = deposit.isSystemTx() && !regolith ? 0 : deposit.gas();
      return new DepositResult(false, DepositResult.FAILED_STATUS, gasUsed, List.of(), nonce, null, Bytes.EMPTY);
    }

    state.setNonce(from, nonce + 1);
    // Same warm set as any transaction (geth StateDB.Prepare: EIP-2929, EIP-3651); deposits carry no access list.
    state.warm(from);
    for (int i = 1; i <= spec.precompileCount(); i++) {
      state.warm(PrecompileRegistry.address(i));
    }
    state.warm(block.coinbase());

    Evm evm = new Evm(spec, precompiles, codeCache, tracer, state, block, from, BigInteger.ZERO, List.of());
    long gas = deposit.gas() - IntrinsicGas.of(asTx);
    ExecutionResult result;
    if (deposit.isCreation()) {
      Address created = ContractAddress.createAddress(from, nonce);
      state.warm(created);
      result = evm.create(from, created, deposit.value(), deposit.data(), gas);
    } else {
      Address to = deposit.to().orElseThrow();
      state.warm(to);
      result = evm.call(from, to, deposit.value(), deposit.data(), gas);
    }

    long gasUsed;
    if (regolith) {
      gasUsed = deposit.gas() - result.gasLeft();
      gasUsed -= Math.min(state.refund(), gasUsed / 5); // EIP-3529; no ETH moves at gas price 0
    } else {
      gasUsed = deposit.isSystemTx() ? 0 : deposit.gas();
    }
    List<Log> logs = result.success() ? state.logs() : List.of();
    state.finishTransaction();
    return new DepositResult(result.success(), result.status(), gasUsed, logs, nonce, result.createdAddress(),
        result.output());
  }

  /** The reason the deposit cannot run in the EVM, or null (op-geth preCheck and innerTransitionDb errors). */
  private String precheck(JournaledState state, DepositTx deposit, Transaction asTx, boolean regolith) {
    if (deposit.isSystemTx() && regolith) {
      return "system transactions are not supported from Regolith";
    }
    long intrinsic = IntrinsicGas.of(asTx);
    if (deposit.gas() < intrinsic) {
      return "intrinsic gas " + intrinsic + " above gas limit " + deposit.gas();
    }
    if (deposit.value().signum() != 0 && state.balance(deposit.from()).compareTo(deposit.value()) < 0) {
      return "value above balance";
    }
    if (deposit.isCreation() && deposit.data().size() > spec.maxInitCodeSize()) {
      return "init code too large";
    }
    return null;
  }

  /** The deposit as an EIP-1559 message with zero fees, for intrinsic gas. */
  private static Transaction asTransaction(DepositTx d, long nonce) {
    return new Transaction(2, d.from(), nonce, d.gas(), null, BigInteger.ZERO, BigInteger.ZERO, d.to().orElse(null),
        d.value(), d.data(), List.of(), List.of(), null);
  }
}
