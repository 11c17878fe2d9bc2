package dev.opsim.engine.genesis;

import java.math.BigInteger;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** One {@code alloc} entry of a genesis file: the account's starting balance, code, nonce and storage. */
public record GenesisAccount(BigInteger balance, Bytes code, long nonce, Map<Bytes32, Bytes32> storage) {
  public GenesisAccount {
    if (balance == null || code == null || storage == null) {
      throw new IllegalArgumentException("genesis account fields must not be null");
    }
    if (balance.signum() < 0 || balance.bitLength() > 256) {
      throw new IllegalArgumentException("balance out of uint256 range: " + balance);
    }
    code = Bytes.wrap(code.toArray());
    storage = Map.copyOf(storage);
  }
}
