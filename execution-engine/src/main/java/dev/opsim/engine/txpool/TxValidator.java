package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;

/**
 * The checks that need no account state (geth core/txpool/validation.go ValidateTransaction), in geth's order:
 * type, size, initcode size, gas limit, tip vs fee cap, signature and chain id, intrinsic gas, calldata floor.
 * Pure and thread-safe; the pool runs it before taking its lock.
 */
final class TxValidator {
  private TxValidator() {}

  /** Either the recovered sender or the first rule the transaction breaks. */
  record Checked(Address sender, AddResult.Rejected rejection) {}

  static Checked validateStateless(TxPoolConfig config, Transaction tx, int size, Hash hash) {
    if (tx.type() == Transaction.BLOB_TYPE || tx.type() == Transaction.SET_CODE_TYPE) {
      // Blob txs are disabled on L2 from Ecotone (protocol-reference, Ecotone) and need sidecars on L1; set-code
      // txs need Isthmus/Prague execution. Neither is pooled yet.
      return reject(hash, RejectReason.TX_TYPE_NOT_SUPPORTED, "type " + tx.type() + " is not pooled");
    }
    if (size > config.maxTxSize()) {
      return reject(hash, RejectReason.OVERSIZED_DATA, "transaction size " + size + ", limit " + config.maxTxSize());
    }
    if (config.shanghai() && tx.to() == null && tx.data().size() > IntrinsicGas.MAX_INITCODE_SIZE) {
      return reject(hash, RejectReason.MAX_INITCODE_SIZE_EXCEEDED,
          "code size " + tx.data().size() + ", limit " + IntrinsicGas.MAX_INITCODE_SIZE);
    }
    if (config.maxTxGas() > 0 && Long.compareUnsigned(tx.gas(), config.maxTxGas()) > 0) {
      return reject(hash, RejectReason.GAS_LIMIT_EXCEEDED,
          "gas " + Long.toUnsignedString(tx.gas()) + ", limit " + config.maxTxGas());
    }
    BigInteger feeCap = PooledTransaction.feeCap(tx);
    BigInteger tipCap = PooledTransaction.tipCap(tx);
    if (feeCap.compareTo(tipCap) < 0) {
      return reject(hash, RejectReason.TIP_ABOVE_FEE_CAP,
          "maxPriorityFeePerGas: " + tipCap + ", maxFeePerGas: " + feeCap);
    }
    Address sender;
    switch (TransactionSigning.recoverSender(tx, config.chainId(), config.allowUnprotected())) {
      case TransactionSigning.Recovery.Sender s -> sender = s.address();
      case TransactionSigning.Recovery.Failed f -> {
        return switch (f.failure()) {
          case WRONG_CHAIN_ID -> reject(hash, RejectReason.INVALID_CHAIN_ID, "have "
              + TransactionSigning.chainId(tx).map(BigInteger::toString).orElse("none") + " want " + config.chainId());
          case UNPROTECTED -> reject(hash, RejectReason.UNPROTECTED, "");
          case BAD_SIGNATURE -> reject(hash, RejectReason.INVALID_SENDER, "invalid transaction v, r, s values");
        };
      }
    }
    long intrinsic = IntrinsicGas.of(tx, config.shanghai());
    if (Long.compareUnsigned(tx.gas(), intrinsic) < 0) {
      return reject(hash, RejectReason.INTRINSIC_GAS_TOO_LOW,
          "gas " + Long.toUnsignedString(tx.gas()) + ", minimum needed " + intrinsic);
    }
    if (config.prague()) {
      long floor = IntrinsicGas.floorDataGas(tx.data());
      if (Long.compareUnsigned(tx.gas(), floor) < 0) {
        return reject(hash, RejectReason.FLOOR_DATA_GAS,
            "gas " + Long.toUnsignedString(tx.gas()) + ", minimum needed " + floor);
      }
    }
    return new Checked(sender, null);
  }

  private static Checked reject(Hash hash, RejectReason reason, String detail) {
    return new Checked(null, new AddResult.Rejected(hash, reason, detail));
  }
}
