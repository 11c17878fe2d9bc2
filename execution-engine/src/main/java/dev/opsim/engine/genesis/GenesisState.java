package dev.opsim.engine.genesis;

import dev.opsim.engine.chain.Block;
import dev.opsim.protocol.Hash;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * The result of building a genesis: block 0 (its state root already committed to the node store) and the contract
 * code of the allocation by code hash, which the caller stores next to the trie (the node store only holds trie
 * nodes).
 */
public record GenesisState(Block block, Map<Hash, Bytes> code) {
  public GenesisState {
    if (block == null || code == null) {
      throw new IllegalArgumentException("genesis state fields must not be null");
    }
    code = Map.copyOf(code);
  }

  public Hash stateRoot() {
    return block.header().stateRoot();
  }
}
