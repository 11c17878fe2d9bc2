package dev.opsim.evm.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.List;

/** One EIP-2930 access-list entry. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
