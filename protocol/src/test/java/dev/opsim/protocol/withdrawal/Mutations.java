package dev.opsim.protocol.withdrawal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** Damaged copies of valid encodings for fuzzing decoders: a flipped byte, a truncation, or extra bytes. */
final class Mutations {
  private Mutations() {}

  static Arbitrary<Bytes> of(Arbitrary<Bytes> valid) {
    return valid.flatMap(v -> Arbitraries.oneOf(flip(v), truncate(v), extend(v)));
  }

  private static Arbitrary<Bytes> flip(Bytes v) {
    if (v.isEmpty()) {
      return Arbitraries.just(v);
    }
    return Combinators.combine(Arbitraries.integers().between(0, v.size() - 1), Arbitraries.integers().between(1, 255))
        .as((at, bits) -> {
          byte[] raw = v.toArray();
          raw[at] ^= bits.byteValue();
          return Bytes.wrap(raw);
        });
  }

  private static Arbitrary<Bytes> truncate(Bytes v) {
    return Arbitraries.integers().between(0, Math.max(0, v.size() - 1)).map(n -> v.slice(0, n));
  }

  private static Arbitrary<Bytes> extend(Bytes v) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(70)
        .map(extra -> Bytes.concatenate(v, Bytes.wrap(extra)));
  }
}
