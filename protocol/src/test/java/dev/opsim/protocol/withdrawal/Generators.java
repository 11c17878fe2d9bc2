package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.tuweni.bytes.Bytes;

/** Shared jqwik generators for this package's values. */
final class Generators {
  private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Generators() {}

  static Arbitrary<BigInteger> uint256() {
    Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000));
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, UINT256_MAX);
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, UINT256_MAX, BigInteger.ONE.shiftLeft(255));
    return Arbitraries.frequencyOf(Tuple.of(1, small), Tuple.of(2, any), Tuple.of(1, edges));
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE).map(Address::wrap);
  }

  static Arbitrary<Bytes> data() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Bytes::wrap);
  }

  static Arbitrary<Withdrawal> withdrawals() {
    return Combinators.combine(uint256(), addresses(), addresses(), uint256(), uint256(), data())
        .as(Withdrawal::new);
  }

  /** Versioned nonces of version 0 or 1, as messengers produce them. */
  static Arbitrary<BigInteger> messageNonces() {
    Arbitrary<BigInteger> counter = Arbitraries.bigIntegers().between(BigInteger.ZERO, VersionedNonce.MAX_NONCE);
    return Combinators.combine(Arbitraries.integers().between(0, 1), counter)
        .as((version, n) -> new VersionedNonce(version, n).encode());
  }

  static Arbitrary<CrossDomainMessage> messages() {
    return Combinators.combine(messageNonces(), addresses(), addresses(), uint256(), uint256(), data())
        .as(CrossDomainMessage::new);
  }
}
