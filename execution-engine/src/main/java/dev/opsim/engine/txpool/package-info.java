/**
 * The transaction pool (issue 4 "Tx pool"): {@link dev.opsim.engine.txpool.TxPool} admits signed transactions
 * with geth's validation rules and typed {@link dev.opsim.engine.txpool.RejectReason}s (which carry geth's error
 * messages for {@code eth_sendRawTransaction}), keeps them per sender by nonce, and hands the block builder a
 * {@link dev.opsim.engine.txpool.PendingTransactions} iteration in price-and-nonce order. Account state comes in
 * through {@link dev.opsim.engine.txpool.TxPoolState}; {@link dev.opsim.engine.txpool.IntrinsicGas} and
 * {@link dev.opsim.engine.txpool.TransactionSigning} (signing hashes, sender recovery) are reusable by the
 * executor.
 *
 * <p>Invariant: every transaction the pool admitted is either still in it exactly once or left with a
 * {@link dev.opsim.engine.txpool.Removal} saying why; a sender's pending transactions are the consecutive
 * nonces from its account nonce. Deposits (type 0x7E) never enter (protocol-reference 2.4); blob (type 3) and
 * set-code (type 4) transactions are refused for now.
 */
package dev.opsim.engine.txpool;
