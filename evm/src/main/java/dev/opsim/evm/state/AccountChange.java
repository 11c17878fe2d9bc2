package dev.opsim.evm.state;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The final state of one account that changed, as the engine applies it to the base. When {@code deleted} the
 * account and all its storage are gone. When {@code storageCleared} the base storage is dropped first and only
 * {@code storage} remains. {@code storage} holds every written slot (zero means delete the slot).
 */
public record AccountChange(
    Address address,
    boolean deleted,
    long nonce,
    BigInteger balance,
    Hash codeHash,
    Bytes code,
    boolean storageCleared,
    Map<UInt256, UInt256> storage) {
  public AccountChange {
    storage = Map.copyOf(storage);
  }
}
