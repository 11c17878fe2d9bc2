package dev.opsim.protocol.batch;

import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** One {@code tx_sigs} entry of a span batch: r and s as 32-byte big-endian words (protocol-reference 5.7). */
public record SpanTxSignature(Bytes32 r, Bytes32 s) {
  public SpanTxSignature {
    r = Bytes32.wrap(Objects.requireNonNull(r, "r").toArray());
    s = Bytes32.wrap(Objects.requireNonNull(s, "s").toArray());
  }

  /** From integers (each a uint256). */
  public static SpanTxSignature of(BigInteger r, BigInteger s) {
    return new SpanTxSignature(UInt256.valueOf(r).toBytes(), UInt256.valueOf(s).toBytes());
  }

  public BigInteger rValue() {
    return r.toUnsignedBigInteger();
  }

  public BigInteger sValue() {
    return s.toUnsignedBigInteger();
  }
}
