package dev.opsim.engine.txpool;

import dev.opsim.protocol.tx.AccessListEntry;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * Intrinsic gas of a protocol transaction for the tx pool: the parts of each EIP-2718 type fed to the EVM's one
 * formula ({@link dev.opsim.evm.tx.IntrinsicGas}), plus the pool's initcode size limit.
 */
public final class IntrinsicGas {
  public static final long TX_GAS = 21_000;
  /** EIP-3860 MAX_INITCODE_SIZE (2 * EIP-170's 24576). */
  public static final int MAX_INITCODE_SIZE = 49_152;

  private IntrinsicGas() {}

  /** Intrinsic gas of {@code tx}; {@code shanghai} turns on the EIP-3860 initcode charge for creations. */
  public static long of(Transaction tx, boolean shanghai) {
    return of(tx.data(), tx.to() == null, accessList(tx), authorizationCount(tx), shanghai);
  }

  /** Intrinsic gas from the parts that determine it. */
  public static long of(Bytes data, boolean creation, List<AccessListEntry> accessList, int authorizations,
      boolean shanghai) {
    int keys = 0;
    for (AccessListEntry entry : accessList) {
      keys += entry.storageKeys().size();
    }
    return dev.opsim.evm.tx.IntrinsicGas.of(data, creation, accessList.size(), keys, authorizations, shanghai);
  }

  /** EIP-7623 floor; a tx's gas must reach it from Prague. */
  public static long floorDataGas(Bytes data) {
    return dev.opsim.evm.tx.IntrinsicGas.floorDataGas(data);
  }

  static List<AccessListEntry> accessList(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> List.of();
      case AccessListTx t -> t.accessList();
      case DynamicFeeTx t -> t.accessList();
      case BlobTx t -> t.accessList();
      case SetCodeTx t -> t.accessList();
    };
  }

  private static int authorizationCount(Transaction tx) {
    return tx instanceof SetCodeTx t ? t.authorizationList().size() : 0;
  }
}
