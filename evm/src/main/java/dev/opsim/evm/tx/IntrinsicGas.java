package dev.opsim.evm.tx;

import dev.opsim.evm.Gas;
import org.apache.tuweni.bytes.Bytes;

/** Intrinsic gas (yellow paper g0 with EIP-2028, EIP-2930 and EIP-3860). */
public final class IntrinsicGas {
  private IntrinsicGas() {}

  public static long of(Transaction tx) {
    long gas = Gas.TX;
    Bytes data = tx.data();
    int zeros = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) == 0) {
        zeros++;
      }
    }
    gas += zeros * Gas.TX_DATA_ZERO + (long) (data.size() - zeros) * Gas.TX_DATA_NONZERO;
    if (tx.isCreate()) {
      gas += Gas.TX_CREATE + Gas.INITCODE_WORD * ((data.size() + 31L) / 32);
    }
    for (AccessListEntry e : tx.accessList()) {
      gas += Gas.TX_ACCESS_LIST_ADDRESS + Gas.TX_ACCESS_LIST_KEY * e.storageKeys().size();
    }
    return gas;
  }
}
