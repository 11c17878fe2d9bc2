package dev.opsim.engine.chain;

/**
 * Which optional header fields a block header carries, by the fork that introduced them. Each shape has every
 * field of the earlier ones; geth's header RLP appends the new fields in this order, so the shape also fixes the
 * RLP item count.
 */
public enum HeaderShape {
  /** The 15 fields of the Yellow Paper header. */
  LEGACY(15),
  /** + baseFeePerGas (EIP-1559). */
  LONDON(16),
  /** + withdrawalsRoot (EIP-4895). */
  SHANGHAI(17),
  /** + blobGasUsed, excessBlobGas (EIP-4844) and parentBeaconBlockRoot (EIP-4788). */
  CANCUN(20),
  /** + requestsHash (EIP-7685). */
  PRAGUE(21);

  private final int fieldCount;

  HeaderShape(int fieldCount) {
    this.fieldCount = fieldCount;
  }

  public int fieldCount() {
    return fieldCount;
  }

  public boolean has(HeaderShape earlier) {
    return compareTo(earlier) >= 0;
  }

  /** The shape with exactly this many RLP items, or null if no fork defines such a header. */
  static HeaderShape ofFieldCount(int count) {
    for (HeaderShape shape : values()) {
      if (shape.fieldCount == count) {
        return shape;
      }
    }
    return null;
  }
}
