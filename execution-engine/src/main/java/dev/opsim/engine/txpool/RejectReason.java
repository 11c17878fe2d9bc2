package dev.opsim.engine.txpool;

/**
 * Why the pool refused a transaction. {@link #message()} is geth's error text for the same case (core/txpool
 * and core/error.go), so the RPC layer can answer exactly as geth does ({@code -32000} with that message).
 */
public enum RejectReason {
  /** Not decodable as an EIP-2718 transaction. */
  MALFORMED("invalid transaction encoding"),
  /** Deposits (0x7E) never enter the pool (protocol-reference 2.4); blob (3) and set-code (4) txs are refused too. */
  TX_TYPE_NOT_SUPPORTED("transaction type not supported"),
  OVERSIZED_DATA("oversized data"),
  MAX_INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  GAS_LIMIT_EXCEEDED("exceeds block gas limit"),
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  INVALID_CHAIN_ID("invalid chain id"),
  UNPROTECTED("only replay-protected (EIP-155) transactions allowed over RPC"),
  INVALID_SENDER("invalid sender"),
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  FLOOR_DATA_GAS("insufficient gas for floor data gas cost"),
  FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
  ALREADY_KNOWN("already known"),
  NONCE_TOO_LOW("nonce too low"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
  /** The pool is full and this tx pays no more than the cheapest one in it. */
  UNDERPRICED("transaction underpriced"),
  /** The pool is full and nothing may be evicted for this tx (a gapped tx never evicts an executable one). */
  TXPOOL_FULL("txpool is full");

  private final String message;

  RejectReason(String message) {
    this.message = message;
  }

  /** geth's error message for this case. */
  public String message() {
    return message;
  }
}
