package dev.opsim.evm.state;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The committed world state under a {@link JournaledState}: read only. The engine implements it on the
 * Merkle-Patricia trie; {@link InMemoryBaseState} serves tests.
 */
public interface BaseState {
  /** The account, or {@code null} when none exists at this address. */
  AccountInfo account(Address address);

  /** The stored value of a slot, {@link UInt256#ZERO} when absent. */
  UInt256 storage(Address address, UInt256 key);

  /** The code whose keccak is {@code codeHash}; empty for the empty-code hash. */
  Bytes code(Hash codeHash);
}
