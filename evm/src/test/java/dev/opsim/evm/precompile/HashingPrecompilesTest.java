package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Hex;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** 0x02 SHA-256, 0x03 RIPEMD-160, 0x04 identity: published digests and the yellow paper's gas formulas. */
class HashingPrecompilesTest {
  private final Sha256Precompile sha256 = new Sha256Precompile();
  private final Ripemd160Precompile ripemd160 = new Ripemd160Precompile();
  private final IdentityPrecompile identity = new IdentityPrecompile();

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void sha256OfEmptyAndAbc() {
    // FIPS 180-2 appendix B.1 ("abc") and the well-known digest of the empty string.
    assertEquals("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hex.encode(sha256.compute(new byte[0])));
    assertEquals("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hex.encode(sha256.compute(ascii("abc"))));
  }

  @Test
  void ripemd160OfEmptyAndAbcIsLeftPaddedTo32Bytes() {
    // Test vectors of the RIPEMD-160 authors (Dobbertin, Bosselaers, Preneel).
    assertEquals("0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31",
        Hex.encode(ripemd160.compute(new byte[0])));
    assertEquals("0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        Hex.encode(ripemd160.compute(ascii("abc"))));
  }

  @Test
  void identityReturnsACopyOfItsInput() {
    byte[] input = ascii("opsim");
    byte[] output = identity.compute(input);
    assertArrayEquals(input, output);
    assertNotSame(input, output);
    assertEquals(0, identity.compute(new byte[0]).length);
  }

  @Test
  void gasIsBasePlusPerWordRoundedUp() {
    assertEquals(60, sha256.gasCost(new byte[0]));
    assertEquals(72, sha256.gasCost(new byte[1]));
    assertEquals(72, sha256.gasCost(new byte[32]));
    assertEquals(84, sha256.gasCost(new byte[33]));
    assertEquals(600, ripemd160.gasCost(new byte[0]));
    assertEquals(720, ripemd160.gasCost(new byte[32]));
    assertEquals(840, ripemd160.gasCost(new byte[64]));
    assertEquals(15, identity.gasCost(new byte[0]));
    assertEquals(18, identity.gasCost(new byte[31]));
    assertEquals(21, identity.gasCost(new byte[33]));
  }

  @Property(tries = 200)
  void outputsHaveFixedLengthsForAnyInput(@ForAll byte[] input) {
    assertEquals(32, sha256.compute(input).length);
    byte[] ripemd = ripemd160.compute(input);
    assertEquals(32, ripemd.length);
    for (int i = 0; i < 12; i++) {
      assertEquals(0, ripemd[i]);
    }
    assertArrayEquals(input, identity.compute(input));
  }

  @Property(tries = 300)
  void gasNeverDecreasesWithLength(@ForAll @IntRange(max = 100_000) int length, @ForAll @IntRange(max = 64) int more) {
    for (PrecompiledContract contract : new PrecompiledContract[] {sha256, ripemd160, identity}) {
      assertTrue(contract.gasCost(new byte[length]) <= contract.gasCost(new byte[length + more]));
    }
  }
}
