package dev.opsim.engine.store;

import dev.opsim.protocol.Hash;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/** Where a transaction is: its block and its index in the block's transaction list. */
public record TxLocation(Hash blockHash, int index) {
  private static final int ENCODED_SIZE = 32 + 4;

  public TxLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (index < 0) {
      throw new IllegalArgumentException("transaction index must not be negative, got " + index);
    }
  }

  /** The stored form: block hash then the index as 4 bytes big-endian. */
  Bytes encode() {
    return Bytes.concatenate(blockHash.bytes(), Bytes.ofUnsignedInt(index));
  }

  static TxLocation decode(Bytes stored) {
    if (stored.size() != ENCODED_SIZE) {
      throw new StoreException("a stored tx location is " + ENCODED_SIZE + " bytes, found " + stored.size());
    }
    return new TxLocation(Hash.wrap(stored.slice(0, 32)), stored.getInt(32));
  }
}
