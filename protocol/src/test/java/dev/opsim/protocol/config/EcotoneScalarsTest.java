package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class EcotoneScalarsTest {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  @Test
  void encodesAsSetGasConfigEcotoneStoresIt() {
    // 12.2: scalar = (1 << 248) | (blobbasefeeScalar << 32) | basefeeScalar, here with the mainnet Fjord values.
    EcotoneScalars scalars = new EcotoneScalars(5227, 1_014_213);
    BigInteger expected = BigInteger.ONE.shiftLeft(248)
        .or(BigInteger.valueOf(1_014_213).shiftLeft(32))
        .or(BigInteger.valueOf(5227));
    assertEquals(Bytes32.leftPad(Bytes.wrap(expected.toByteArray())), scalars.encode());
  }

  @Test
  void decodesBothVersions() throws DecodeException {
    assertEquals(new EcotoneScalars(5227, 1_014_213), EcotoneScalars.decode(word("01", 24, "000f79c50000146b")));
    assertEquals(new EcotoneScalars(684_000, 0), EcotoneScalars.decode(word("00", 28, "000a6fe0")));
  }

  @Test
  void aPreEcotoneScalarBecomesTheBaseFeeScalarUnchanged() throws DecodeException {
    // 12.2: pre-Ecotone scalars are plain numbers < 2^32 and read as version 0.
    Bytes32 plain = Bytes32.leftPad(Bytes.ofUnsignedInt(684_000));
    assertEquals(new EcotoneScalars(684_000, 0), EcotoneScalars.decode(plain));
    assertEquals(new EcotoneScalars(684_000, 0), EcotoneScalars.forL1Info(plain));
  }

  @Test
  void strictDecodingRejectsUnknownVersionsAndDirtyPadding() {
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(word("02", 28, "00000001")));
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(word("ff", 28, "00000001")));
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(word("00", 27, "0100000001")));
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(word("01", 23, "010000000100000001")));
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(null));
  }

  @Test
  void versionZeroWithDirtyPaddingInTheConfigMeansMaxBaseFeeScalar() throws DecodeException {
    // 12.2 spec rule: non-zero padding in a version-0 scalar sets baseFeeScalar to 0xFFFFFFFF.
    Bytes32 large = Bytes32.leftPad(Bytes.ofUnsignedLong(1L << 40));
    assertEquals(new EcotoneScalars(UINT32_MAX, 0), EcotoneScalars.forL1Info(large));
    assertThrows(DecodeException.class, () -> EcotoneScalars.forL1Info(word("01", 23, "010000000100000001")));
    assertThrows(DecodeException.class, () -> EcotoneScalars.forL1Info(word("07", 28, "00000001")));
  }

  @Test
  void rejectsScalarsOutsideUint32() {
    assertThrows(IllegalArgumentException.class, () -> new EcotoneScalars(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new EcotoneScalars(0, UINT32_MAX + 1));
    assertThrows(IllegalArgumentException.class, () -> EcotoneScalars.encodeVersion0(UINT32_MAX + 1));
  }

  @Property
  void versionOneRoundTrips(@ForAll("uint32") long base, @ForAll("uint32") long blob) throws DecodeException {
    EcotoneScalars scalars = new EcotoneScalars(base, blob);
    Bytes32 word = scalars.encode();
    assertEquals(1, word.get(0));
    assertEquals(scalars, EcotoneScalars.decode(word));
    assertEquals(scalars, EcotoneScalars.forL1Info(word));
  }

  @Property
  void versionZeroRoundTrips(@ForAll("uint32") long base) throws DecodeException {
    assertEquals(new EcotoneScalars(base, 0), EcotoneScalars.decode(EcotoneScalars.encodeVersion0(base)));
  }

  @Property
  void anyWordDecodesOrFailsCleanly(@ForAll @Size(32) byte[] raw) {
    Bytes32 word = Bytes32.wrap(raw);
    try {
      EcotoneScalars.decode(word);
      assertTrue(raw[0] == 0 || raw[0] == 1);
    } catch (DecodeException e) {
      assertTrue(e.getMessage().contains("offset"));
    }
    try {
      EcotoneScalars.forL1Info(word);
    } catch (DecodeException e) {
      assertTrue(raw[0] != 0, "version 0 never fails in the config");
    }
  }

  @Property
  void flippingAPaddingByteIsRejected(
      @ForAll("uint32") long base, @ForAll("uint32") long blob, @ForAll @IntRange(min = 1, max = 23) int at,
      @ForAll @LongRange(min = 1, max = 255) long bits) {
    byte[] raw = new EcotoneScalars(base, blob).encode().toArray();
    raw[at] ^= (byte) bits;
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(Bytes32.wrap(raw)));
  }

  @Provide
  Arbitrary<Long> uint32() {
    return Arbitraries.longs().between(0, UINT32_MAX);
  }

  /** A word with {@code version} in byte 0 and {@code hex} placed at {@code offset}. */
  private static Bytes32 word(String version, int offset, String hex) {
    byte[] raw = new byte[32];
    raw[0] = (byte) Integer.parseInt(version, 16);
    byte[] value = Bytes.fromHexString(hex).toArrayUnsafe();
    System.arraycopy(value, 0, raw, offset, value.length);
    return Bytes32.wrap(raw);
  }
}
