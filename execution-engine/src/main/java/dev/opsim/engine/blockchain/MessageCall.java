package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.BaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.FeeRules;
import dev.opsim.evm.tx.ProcessingMode;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import java.math.BigInteger;

/**
 * Runs a message on a block's state without committing anything (eth_call, eth_estimateGas, debug_traceCall), in
 * that block's own context as geth does, under the EVM's simulation rules (no nonce or EOA checks; no fee when
 * the message names none).
 */
public final class MessageCall {
  private MessageCall() {}

  public static TxResult run(Blockchain chain, BlockHeader at, BaseState state, Transaction message, Tracer tracer)
      throws UnsupportedForkException {
    ExecutionRules rules = chain.rules();
    EvmSpec spec = rules.evmSpec(at.number(), at.timestamp());
    BlockEnv env = new BlockEnv(rules.config().chainId().longValueExact(), at.coinbase(), at.gasLimit(),
        at.number(), at.timestamp(), at.mixHash(), at.baseFeePerGas().orElse(BigInteger.ZERO),
        at.excessBlobGas().orElse(0), chain.blockHashes(chain.header(at.parentHash()).orElse(at)));
    TransactionProcessor processor = new TransactionProcessor(spec, rules.precompiles(spec), new CodeCache(64));
    FeeRules fees = rules.isOptimism() ? FeeRules.optimism(BigInteger.ZERO) : FeeRules.ETHEREUM;
    return processor.process(new JournaledState(state), message, env, tracer, fees, ProcessingMode.SIMULATION);
  }
}
