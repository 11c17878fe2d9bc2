/**
 * Transaction validation and execution (legacy, EIP-2930, EIP-1559, EIP-4844) on a journaled state, with typed
 * rejection reasons ({@link dev.opsim.evm.tx.TxRejection}).
 */
package dev.opsim.evm.tx;
