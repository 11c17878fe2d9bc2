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
 * Intrinsic gas of a transaction (yellow paper g0 with Istanbul calldata prices EIP-2028, EIP-2930 access lists,
 * EIP-3860 initcode words from Shanghai, EIP-7702 authorizations) and the EIP-7623 calldata floor (Prague /
 * Isthmus). Shared by the tx pool and the block executor. Results fit a long: every count is an int.
 */
public final class IntrinsicGas {
  public static final long TX_GAS = 21_000;
  public static final long TX_CREATE_GAS = 53_000;
  public static final long ZERO_BYTE_GAS = 4;
  public static final long NONZERO_BYTE_GAS = 16;
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;
  public static final long INITCODE_WORD_GAS = 2;
  /** EIP-7702 PER_EMPTY_ACCOUNT_COST, charged up front per authorization. */
  public static final long AUTHORIZATION_GAS = 25_000;
  /** EIP-7623 TOTAL_COST_FLOOR_PER_TOKEN. */
  public static final long FLOOR_GAS_PER_TOKEN = 10;
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
    long gas = creation ? TX_CREATE_GAS : TX_GAS;
    long zeros = zeroBytes(data);
    gas += zeros * ZERO_BYTE_GAS + (data.size() - zeros) * NONZERO_BYTE_GAS;
    if (creation && shanghai) {
      gas += INITCODE_WORD_GAS * ((data.size() + 31L) / 32);
    }
    for (AccessListEntry entry : accessList) {
      gas += ACCESS_LIST_ADDRESS_GAS + ACCESS_LIST_STORAGE_KEY_GAS * entry.storageKeys().size();
    }
    return gas + AUTHORIZATION_GAS * authorizations;
  }

  /** EIP-7623 floor: {@code 21000 + 10 * (zero bytes + 4 * nonzero bytes)}; a tx's gas must reach it from Prague. */
  public static long floorDataGas(Bytes data) {
    long zeros = zeroBytes(data);
    long tokens = zeros + 4 * (data.size() - zeros);
    return TX_GAS + FLOOR_GAS_PER_TOKEN * tokens;
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

  private static long zeroBytes(Bytes data) {
    long zeros = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) == 0) {
        zeros++;
      }
    }
    return zeros;
  }
}
