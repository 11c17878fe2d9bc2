package dev.opsim.evm;

import dev.opsim.evm.precompile.PrecompiledContract;
import dev.opsim.protocol.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Precompiled contracts by address for one fork; built once, then read only. */
public final class PrecompileRegistry {
  private final Map<Address, PrecompiledContract> contracts = new HashMap<>();

  public PrecompileRegistry register(Address address, PrecompiledContract contract) {
    contracts.put(address, contract);
    return this;
  }

  public PrecompiledContract get(Address address) {
    return contracts.get(address);
  }

  public Set<Address> addresses() {
    return contracts.keySet();
  }

  /** The address 0x00…0n of precompile number n. */
  public static Address address(int n) {
    byte[] b = new byte[20];
    b[19] = (byte) n;
    b[18] = (byte) (n >>> 8);
    return Address.wrap(b);
  }
}
