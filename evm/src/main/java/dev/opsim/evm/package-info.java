/**
 * opsim's Ethereum Virtual Machine (Shanghai and Cancun).
 *
 * <p>Structure, following Besu's EVM (style anchors): {@link dev.opsim.evm.EvmSpec} is a fork's rules with its
 * 256-entry operation table, built by extension ({@link dev.opsim.evm.ShanghaiSpec} is the base,
 * {@link dev.opsim.evm.CancunSpec} adds EIP-1153/4844/5656/6780/7516; Prague would be one more subclass).
 * {@link dev.opsim.evm.Evm} runs a transaction's messages on an explicit chain of {@link dev.opsim.evm.Frame}s
 * (no Java recursion); the operand stack is a {@code long[]} with four limbs per word and arithmetic happens in
 * place ({@link dev.opsim.evm.Words}). Jump destinations are analysed once per code hash
 * ({@link dev.opsim.evm.CodeCache}). The world state the EVM sees is {@link dev.opsim.evm.state.JournaledState}
 * over a {@link dev.opsim.evm.state.BaseState}; transactions go through
 * {@link dev.opsim.evm.tx.TransactionProcessor}.
 */
package dev.opsim.evm;
