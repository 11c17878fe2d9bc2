package dev.opsim.protocol.tx;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** Damaged copies of valid encodings for decoder fuzzing: flipped bits, truncation, extension, splices. */
public final class ByteMutations {
  private ByteMutations() {}

  /** A mutation of one of {@code valid}'s values. */
  public static Arbitrary<Bytes> of(Arbitrary<Bytes> valid) {
    return valid.flatMap(bytes -> Arbitraries.oneOf(
        flip(bytes), truncate(bytes), extend(bytes), overwrite(bytes), delete(bytes)));
  }

  private static Arbitrary<Bytes> flip(Bytes bytes) {
    if (bytes.isEmpty()) {
      return Arbitraries.just(bytes);
    }
    return Combinators.combine(Arbitraries.integers().between(0, bytes.size() - 1),
            Arbitraries.integers().between(0, 7))
        .as((at, bit) -> {
          byte[] copy = bytes.toArray();
          copy[at] ^= (byte) (1 << bit);
          return Bytes.wrap(copy);
        });
  }

  private static Arbitrary<Bytes> truncate(Bytes bytes) {
    return Arbitraries.integers().between(0, Math.max(0, bytes.size() - 1)).map(n -> bytes.slice(0, n));
  }

  private static Arbitrary<Bytes> extend(Bytes bytes) {
    return TxArbitraries.bytes(16).map(extra -> join(bytes.toArray(), extra.toArray()));
  }

  private static Arbitrary<Bytes> overwrite(Bytes bytes) {
    if (bytes.isEmpty()) {
      return Arbitraries.just(bytes);
    }
    return Combinators.combine(Arbitraries.integers().between(0, bytes.size() - 1),
            Arbitraries.of((byte) 0x00, (byte) 0x7f, (byte) 0x80, (byte) 0xb7, (byte) 0xb8, (byte) 0xbf,
                (byte) 0xc0, (byte) 0xf7, (byte) 0xf8, (byte) 0xff))
        .as((at, value) -> {
          byte[] copy = bytes.toArray();
          copy[at] = value;
          return Bytes.wrap(copy);
        });
  }

  private static Arbitrary<Bytes> delete(Bytes bytes) {
    if (bytes.isEmpty()) {
      return Arbitraries.just(bytes);
    }
    return Arbitraries.integers().between(0, bytes.size() - 1)
        .map(at -> join(bytes.slice(0, at).toArray(), bytes.slice(at + 1).toArray()));
  }

  /** Concatenation into one array (Tuweni's ConcatenatedBytes is unreliable in 2.7.2, see Rlp). */
  public static Bytes join(byte[] first, byte[] second) {
    byte[] out = new byte[first.length + second.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return Bytes.wrap(out);
  }
}
