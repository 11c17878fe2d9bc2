package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModExpPrecompileTest {
  private final ModExpPrecompile modexp = new ModExpPrecompile();

  private static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] word(long value) {
    return word(BigInteger.valueOf(value));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Big-endian bytes of {@code value} in exactly {@code size} bytes (size > 0, value fits). */
  private static byte[] fixed(BigInteger value, int size) {
    byte[] out = new byte[size];
    byte[] raw = value.toByteArray();
    int len = Math.min(raw.length, size);
    System.arraycopy(raw, raw.length - len, out, size - len, len);
    return out;
  }

  // EIP-198 "Specification": the worked examples of input parsing.

  @Test
  void eip198FermatExampleGivesOne() {
    byte[] input = Hex.decode("0x"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "03"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertEquals("0x0000000000000000000000000000000000000000000000000000000000000001",
        Hex.encode(modexp.compute(input)));
  }

  @Test
  void eip198EmptyBaseExampleGivesZero() {
    byte[] input = Hex.decode("0x"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertArrayEquals(new byte[32], modexp.compute(input));
  }

  @Test
  void eip198HugeModulusExampleCannotBeAffordedAndAllocatesNothing() {
    byte[] input = Hex.decode("0x"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd");
    assertEquals(Long.MAX_VALUE, modexp.gasCost(input));
    assertNull(modexp.compute(input));
  }

  @Test
  void eip198ExamplesWithExtraAndMissingBytesParseAsThreeToThe65535ModTwoTo255() {
    String head = "0x"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "03"
        + "ffff";
    byte[] withExtraByte = Hex.decode(head + "8000000000000000000000000000000000000000000000000000000000000000" + "07");
    byte[] truncated = Hex.decode(head + "80");
    byte[] expected = fixed(BigInteger.valueOf(3).modPow(BigInteger.valueOf(65535), BigInteger.TWO.pow(255)), 32);
    assertArrayEquals(expected, modexp.compute(withExtraByte));
    assertArrayEquals(expected, modexp.compute(truncated));
    assertEquals(modexp.gasCost(withExtraByte), modexp.gasCost(truncated));
  }

  /**
   * EIP-2565 "Test Cases": the new price of geth's nagydani vectors. Their base and modulus lengths (64 · 2^(k-1)
   * bytes for nagydani_k) and exponents (2, 3, 0x010001) are the vectors' shapes; the gas depends only on those.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "modexp_nagydani_1_square, 64, 02, 200",
    "modexp_nagydani_1_qube, 64, 03, 200",
    "modexp_nagydani_1_pow0x10001, 64, 010001, 341",
    "modexp_nagydani_2_square, 128, 02, 200",
    "modexp_nagydani_2_qube, 128, 03, 200",
    "modexp_nagydani_2_pow0x10001, 128, 010001, 1365",
    "modexp_nagydani_3_square, 256, 02, 341",
    "modexp_nagydani_3_qube, 256, 03, 341",
    "modexp_nagydani_3_pow0x10001, 256, 010001, 5461",
    "modexp_nagydani_4_square, 512, 02, 1365",
    "modexp_nagydani_4_qube, 512, 03, 1365",
    "modexp_nagydani_4_pow0x10001, 512, 010001, 21845",
    "modexp_nagydani_5_square, 1024, 02, 5461",
    "modexp_nagydani_5_qube, 1024, 03, 5461",
    "modexp_nagydani_5_pow0x10001, 1024, 010001, 87381",
  })
  void eip2565PricesOfTheNagydaniVectors(String name, int size, String exponentHex, long gas) {
    byte[] exponent = Hex.decode(exponentHex);
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 0xa5);
    byte[] input = concat(word(size), word(exponent.length), word(size), value, exponent, value);
    assertEquals(gas, modexp.gasCost(input));
    assertEquals(size, modexp.compute(input).length);
  }

  @Test
  void zeroLengthModulusGivesEmptyOutput() {
    byte[] input = concat(word(1), word(1), word(0), new byte[] {3, 5});
    assertEquals(0, modexp.compute(input).length);
    assertEquals(200, modexp.gasCost(input));
  }

  @Test
  void emptyBaseAndModulusWithHugeExponentLengthCostsTheMinimumAndReturnsNothing() {
    // mult_complexity is 0 when Bsize = Msize = 0, so even an absurd Esize prices at the floor (as geth).
    byte[] input = concat(word(0), word(BigInteger.ONE.shiftLeft(255)), word(0));
    assertEquals(200, modexp.gasCost(input));
    assertEquals(0, modexp.compute(input).length);
  }

  @Test
  void zeroModulusValueGivesZerosOfTheModulusLength() {
    byte[] input = concat(word(1), word(1), word(4), new byte[] {3, 5, 0, 0, 0, 0});
    assertArrayEquals(new byte[4], modexp.compute(input));
  }

  @Test
  void emptyInputAndHugeLengthsNeverAllocate() {
    assertArrayEquals(new byte[0], modexp.compute(new byte[0]));
    assertEquals(200, modexp.gasCost(new byte[0]));
    byte[] hugeBase = concat(word(BigInteger.ONE.shiftLeft(64)), word(1), word(1));
    assertEquals(Long.MAX_VALUE, modexp.gasCost(hugeBase));
    assertNull(modexp.compute(hugeBase));
    byte[] hugeExponent = concat(word(1), word(BigInteger.ONE.shiftLeft(200)), word(1));
    assertEquals(Long.MAX_VALUE, modexp.gasCost(hugeExponent));
    assertNull(modexp.compute(hugeExponent));
  }

  @Test
  void exponentHeadOfZeroAddsNothingPast32Bytes() {
    // EIP-198: "If all of the first 32 bytes of EXPONENT are zero, return exactly 8 * (length_of_EXPONENT - 32)".
    // 100-byte exponent of zeros, 256-byte base and modulus: 32^2 * 8 * 68 / 3.
    byte[] input = concat(word(256), word(100), word(256));
    assertEquals(32L * 32 * 8 * 68 / 3, modexp.gasCost(input));
    // The EIP's example exponent \x00\x00\x01\x00… (100 bytes): its text says "+ 253", but by the EIP's own
    // definition the highest set bit of the 32-byte head 0x000001‖0^29 has index 8 * 29 = 232 (geth agrees).
    byte[] head = new byte[100];
    head[2] = 1;
    byte[] withHead = concat(word(256), word(100), word(256), new byte[256], head);
    assertEquals(32L * 32 * (8 * 68 + 232) / 3, modexp.gasCost(withHead));
  }

  @Property(tries = 300)
  void agreesWithBigIntegerModPow(@ForAll("values") BigInteger base, @ForAll("values") BigInteger exponent,
      @ForAll("values") BigInteger modulus, @ForAll @IntRange(max = 3) int extraPadding) {
    int baseSize = base.toByteArray().length + extraPadding;
    int exponentSize = exponent.toByteArray().length;
    int modulusSize = modulus.toByteArray().length + extraPadding;
    byte[] input = concat(word(baseSize), word(exponentSize), word(modulusSize),
        fixed(base, baseSize), fixed(exponent, exponentSize), fixed(modulus, modulusSize));
    byte[] expected = modulus.signum() == 0
        ? new byte[modulusSize]
        : fixed(base.modPow(exponent, modulus), modulusSize);
    assertArrayEquals(expected, modexp.compute(input));
  }

  @Property(tries = 500)
  void randomInputNeverThrows(@ForAll byte[] input) {
    assertTrue(modexp.gasCost(input) >= 200);
    modexp.compute(input);
  }

  @Property(tries = 300)
  void smallDeclaredSizesOverShortInputNeverThrow(@ForAll @IntRange(max = 300) int baseSize,
      @ForAll @IntRange(max = 300) int exponentSize, @ForAll @IntRange(max = 300) int modulusSize,
      @ForAll("tails") byte[] tail) {
    byte[] input = concat(word(baseSize), word(exponentSize), word(modulusSize), tail);
    assertTrue(modexp.gasCost(input) >= 200);
    byte[] out = modexp.compute(input);
    assertEquals(modulusSize, out.length);
  }

  @Property(tries = 300)
  void gasNeverDecreasesAsASizeGrows(@ForAll @IntRange(max = 5000) int baseSize,
      @ForAll @IntRange(max = 5000) int exponentSize, @ForAll @IntRange(max = 5000) int modulusSize,
      @ForAll @IntRange(max = 100) int more, @ForAll("tails") byte[] exponentBytes) {
    // Base bytes absent (read as zero) keep the exponent's position fixed while base and modulus sizes change.
    long gas = modexp.gasCost(concat(word(0), word(exponentSize), word(modulusSize), exponentBytes));
    assertTrue(gas <= modexp.gasCost(concat(word(0), word(exponentSize + more), word(modulusSize), exponentBytes)));
    assertTrue(gas <= modexp.gasCost(concat(word(0), word(exponentSize), word(modulusSize + more), exponentBytes)));
    long headerOnly = modexp.gasCost(concat(word(baseSize), word(exponentSize), word(modulusSize)));
    assertTrue(headerOnly <= modexp.gasCost(concat(word(baseSize + more), word(exponentSize), word(modulusSize))));
  }

  @Provide
  Arbitrary<BigInteger> values() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(520)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300)));
  }

  @Provide
  Arbitrary<byte[]> tails() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
  }
}
