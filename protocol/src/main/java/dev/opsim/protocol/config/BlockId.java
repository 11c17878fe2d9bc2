package dev.opsim.protocol.config;

import dev.opsim.protocol.Hash;

/** A block named by hash and number, as {@code rollup.json} names the genesis anchors. */
public record BlockId(Hash hash, long number) {
  public BlockId {
    if (hash == null) {
      throw new IllegalArgumentException("a block id needs a hash");
    }
  }
}
