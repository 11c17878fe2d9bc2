package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** An account state for tests: nonces and balances in maps; {@link #copy()} freezes a head. */
final class MapState implements TxPoolState {
  private final Map<Address, Long> nonces = new HashMap<>();
  private final Map<Address, BigInteger> balances = new HashMap<>();

  @Override
  public long nonce(Address address) {
    return nonces.getOrDefault(address, 0L);
  }

  @Override
  public BigInteger balance(Address address) {
    return balances.getOrDefault(address, BigInteger.ZERO);
  }

  MapState set(Address address, long nonce, BigInteger balance) {
    nonces.put(address, nonce);
    balances.put(address, balance);
    return this;
  }

  MapState copy() {
    MapState copy = new MapState();
    copy.nonces.putAll(nonces);
    copy.balances.putAll(balances);
    return copy;
  }
}
