package dev.opsim.evm.tx;

/**
 * How strictly a transaction is processed. {@link #BLOCK}: consensus rules, for blocks. {@link #SIMULATION}: geth's
 * eth_call / eth_estimateGas message rules (go-ethereum {@code internal/ethapi} {@code applyMessage} with
 * {@code vm.Config.NoBaseFee}, {@code Message.SkipNonceChecks}, {@code SkipTransactionChecks}):
 * <ul>
 *   <li>no nonce check; the sender's current nonce is used (and bumped), also for the creation address;</li>
 *   <li>no EOA check on the sender and no block-gas-limit check (the RPC layer caps the gas);</li>
 *   <li>when the fee fields are all zero (gasPrice, or both EIP-1559 caps) the base-fee check is skipped, the base
 *       fee the EVM sees is 0 and nothing is charged or paid to the coinbase; likewise a zero blob fee cap skips the
 *       blob-fee check and no blob fee is charged;</li>
 *   <li>no L1 data fee is charged or credited (op-geth skips it when nonce checks are skipped);</li>
 *   <li>the balance check is {@code gasLimit*feeCap + value (+ blob gas * blob fee cap)}, i.e. what could be
 *       charged.</li>
 * </ul>
 * The state is meant to be thrown away afterwards.
 */
public enum ProcessingMode {
  BLOCK,
  SIMULATION
}
