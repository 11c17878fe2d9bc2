package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.Receipt;
import java.math.BigInteger;
import java.util.List;

/** A sealed block from the builder, not yet imported; {@code blockValue} is what the fee recipient earns (wei). */
public record BuiltBlock(Block block, List<Receipt> receipts, BigInteger blockValue) {
  public BuiltBlock {
    receipts = List.copyOf(receipts);
  }
}
