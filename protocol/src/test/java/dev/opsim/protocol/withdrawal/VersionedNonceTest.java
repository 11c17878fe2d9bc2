package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VersionedNonceTest {
  @Test
  void fixtureNoncesEncodeAsStated() {
    JsonNode cases = WithdrawalVectors.vectors().path("cross_domain_messages").path("cases");
    for (JsonNode c : cases) {
      VersionedNonce n = new VersionedNonce(c.path("version").asInt(), WithdrawalVectors.big(c.path("nonce")));
      BigInteger stated = WithdrawalVectors.big(c.path("versionedNonce"));
      assertEquals(stated, n.encode(), c.path("name").asText());
      assertEquals(n, VersionedNonce.decode(stated), c.path("name").asText());
    }
  }

  @Test
  void versionSitsInTheTopSixteenBits() {
    // 9.2: (uint256(version) << 240) | n.
    assertEquals(new BigInteger("0001000000000000000000000000000000000000000000000000000000000005", 16),
        new VersionedNonce(1, BigInteger.valueOf(5)).encode());
    assertEquals(new VersionedNonce(0xffff, VersionedNonce.MAX_NONCE),
        VersionedNonce.decode(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
  }

  @Test
  void rejectsOutOfRangeParts() {
    assertThrows(IllegalArgumentException.class, () -> new VersionedNonce(0x10000, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new VersionedNonce(-1, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new VersionedNonce(1, BigInteger.ONE.shiftLeft(240)));
    assertThrows(IllegalArgumentException.class, () -> VersionedNonce.decode(BigInteger.ONE.shiftLeft(256)));
    assertThrows(IllegalArgumentException.class, () -> VersionedNonce.decode(BigInteger.ONE.negate()));
  }

  @Property
  void decodeInvertsEncode(@ForAll @IntRange(max = 0xffff) int version, @ForAll("nonce") BigInteger nonce) {
    VersionedNonce n = new VersionedNonce(version, nonce);
    assertEquals(n, VersionedNonce.decode(n.encode()));
  }

  @Property
  void encodeInvertsDecode(@ForAll("uint256") BigInteger value) {
    assertEquals(value, VersionedNonce.decode(value).encode());
  }

  @Provide
  Arbitrary<BigInteger> nonce() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, VersionedNonce.MAX_NONCE);
  }

  @Provide
  Arbitrary<BigInteger> uint256() {
    return Generators.uint256();
  }
}
