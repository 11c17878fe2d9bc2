package dev.opsim.engine.trace;

import dev.opsim.evm.tx.TxResult;

/** The traced transaction is invalid and did not run, so there is no trace (geth answers with a -32000 error). */
public final class TransactionRejectedException extends Exception {
  private final TxResult.Rejected rejected;

  public TransactionRejectedException(TxResult.Rejected rejected) {
    super(rejected.reason() + ": " + rejected.detail());
    this.rejected = rejected;
  }

  public TxResult.Rejected rejected() {
    return rejected;
  }
}
