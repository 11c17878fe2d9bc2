package dev.opsim.evm.tx;

import dev.opsim.evm.Gas;
import org.apache.tuweni.bytes.Bytes;

/**
 * Intrinsic gas (yellow paper g0 with EIP-2028 calldata prices, EIP-2930 access lists, EIP-3860 initcode words from
 * Shanghai, EIP-7702 authorizations) and the EIP-7623 calldata floor. The one place the formula lives: the EVM's
 * transaction processor and the engine's tx pool both use it.
 */
public final class IntrinsicGas {
  /** EIP-7702 PER_EMPTY_ACCOUNT_COST, charged up front per authorization. */
  public static final long AUTHORIZATION_GAS = 25_000;
  /** EIP-7623 TOTAL_COST_FLOOR_PER_TOKEN. */
  public static final long FLOOR_GAS_PER_TOKEN = 10;

  private IntrinsicGas() {}

  /** Intrinsic gas of a transaction the EVM runs (Shanghai rules or later). */
  public static long of(Transaction tx) {
    int keys = 0;
    for (AccessListEntry e : tx.accessList()) {
      keys += e.storageKeys().size();
    }
    return of(tx.data(), tx.isCreate(), tx.accessList().size(), keys, 0, true);
  }

  /** Intrinsic gas from the parts that determine it; {@code shanghai} turns on the EIP-3860 initcode charge. */
  public static long of(Bytes data, boolean creation, int accessListAddresses, int accessListKeys,
      int authorizations, boolean shanghai) {
    long gas = Gas.TX;
    long zeros = zeroBytes(data);
    gas += zeros * Gas.TX_DATA_ZERO + (data.size() - zeros) * Gas.TX_DATA_NONZERO;
    if (creation) {
      gas += Gas.TX_CREATE;
      if (shanghai) {
        gas += Gas.INITCODE_WORD * ((data.size() + 31L) / 32);
      }
    }
    gas += Gas.TX_ACCESS_LIST_ADDRESS * accessListAddresses + Gas.TX_ACCESS_LIST_KEY * accessListKeys;
    return gas + AUTHORIZATION_GAS * authorizations;
  }

  /** EIP-7623 floor: {@code 21000 + 10 * (zero bytes + 4 * nonzero bytes)}; a tx's gas must reach it from Prague. */
  public static long floorDataGas(Bytes data) {
    long zeros = zeroBytes(data);
    return Gas.TX + FLOOR_GAS_PER_TOKEN * (zeros + 4 * (data.size() - zeros));
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
