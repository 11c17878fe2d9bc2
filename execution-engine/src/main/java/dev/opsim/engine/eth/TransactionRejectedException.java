package dev.opsim.engine.eth;

/**
 * The backend refused a raw transaction. The message is geth's error text (e.g. {@code TxPool} RejectReason's
 * {@code fullMessage()}, "nonce too low: next nonce 3, tx nonce 1"); eth_sendRawTransaction answers -32000 with it.
 */
public final class TransactionRejectedException extends Exception {
  public TransactionRejectedException(String message) {
    super(message, null, false, false);
  }
}
