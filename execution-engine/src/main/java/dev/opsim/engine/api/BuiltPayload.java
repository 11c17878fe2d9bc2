package dev.opsim.engine.api;

import dev.opsim.engine.chain.Block;
import java.math.BigInteger;

/**
 * A block the backend built for a payload id, sealed (state root, receipts, hash all final).
 *
 * @param blockValue the wei the fee recipient earns from it (shanghai.md: the sum of priority fees); becomes
 *     getPayload's {@code blockValue}
 */
public record BuiltPayload(Block block, BigInteger blockValue) {

  public BuiltPayload {
    if (block == null || blockValue == null || blockValue.signum() < 0) {
      throw new IllegalArgumentException("a built payload has a block and a non-negative value");
    }
  }
}
