package dev.opsim.protocol.l1info;

import dev.opsim.protocol.Hash;
import java.math.BigInteger;

/**
 * The attributes of an L1 origin block that its epoch's L1 info deposits copy (protocol-reference 4.6).
 * {@code blobBaseFee} is the EIP-4844 blob base fee computed from the header's {@code excessBlobGas} under the L1
 * fork schedule; {@link #NO_BLOB_BASE_FEE} (1) when the header has none.
 */
public record L1Origin(long number, long timestamp, BigInteger baseFee, Hash hash, BigInteger blobBaseFee) {
  /** The minimum blob gas price the spec prescribes for L1 blocks without blob fields. */
  public static final BigInteger NO_BLOB_BASE_FEE = BigInteger.ONE;

  public L1Origin {
    if (hash == null) {
      throw new IllegalArgumentException("an L1 origin needs its hash");
    }
    Calldata.checkUint256("baseFee", baseFee);
    Calldata.checkUint256("blobBaseFee", blobBaseFee);
  }
}
