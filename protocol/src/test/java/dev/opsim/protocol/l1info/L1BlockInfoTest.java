package dev.opsim.protocol.l1info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class L1BlockInfoTest {

  @Property
  void bedrockRoundTrips(@ForAll("bedrock") BedrockL1BlockInfo info) throws DecodeException {
    assertRoundTrip(info);
  }

  @Property
  void ecotoneRoundTrips(@ForAll("ecotone") EcotoneL1BlockInfo info) throws DecodeException {
    assertRoundTrip(info);
  }

  @Property
  void isthmusRoundTrips(@ForAll("isthmus") IsthmusL1BlockInfo info) throws DecodeException {
    assertRoundTrip(info);
  }

  @Property
  void jovianRoundTrips(@ForAll("jovian") JovianL1BlockInfo info) throws DecodeException {
    assertRoundTrip(info);
  }

  private static void assertRoundTrip(L1BlockInfo info) throws DecodeException {
    byte[] calldata = info.encode();
    assertEquals(info.layout().length(), calldata.length);
    assertEquals(info.layout().selector(), ByteBuffer.wrap(calldata).getInt());
    L1BlockInfo back = L1BlockInfo.decode(calldata);
    assertEquals(info, back);
    assertArrayEquals(calldata, back.encode());
  }

  @Test
  void packedLayoutsPutFieldsAtTheirSpecOffsets() {
    // protocol-reference 4.3 / 4.4 offsets, checked on a Jovian value with distinct bytes per field.
    JovianL1BlockInfo info = new JovianL1BlockInfo(0x01020304L, 0x05060708L, 0x1111111111111111L,
        0x2222222222222222L, 0x3333333333333333L, BigInteger.valueOf(0x44), BigInteger.valueOf(0x55),
        Hash.fromHex("0x" + "66".repeat(32)), Hash.fromHex("0x" + "77".repeat(32)), 0x88888888L,
        0x9999999999999999L, 0xaaaa);
    ByteBuffer b = ByteBuffer.wrap(info.encode());
    assertEquals(0x01020304, b.getInt(4));
    assertEquals(0x05060708, b.getInt(8));
    assertEquals(0x1111111111111111L, b.getLong(12));
    assertEquals(0x2222222222222222L, b.getLong(20));
    assertEquals(0x3333333333333333L, b.getLong(28));
    assertEquals(0x44, b.get(67));
    assertEquals(0x55, b.get(99));
    assertEquals(0x66, b.get(100));
    assertEquals(0x77, b.get(132));
    assertEquals(0x88888888, b.getInt(164));
    assertEquals(0x9999999999999999L, b.getLong(168));
    assertEquals((short) 0xaaaa, b.getShort(176));
  }

  @Test
  void lengthMustBeExactForTheSelector() throws DecodeException {
    for (L1InfoLayout layout : L1InfoLayout.values()) {
      byte[] valid = ByteBuffer.allocate(layout.length()).putInt(layout.selector()).array();
      assertEquals(layout, L1BlockInfo.decode(valid).layout());
      assertRejected(Arrays.copyOf(valid, layout.length() - 1), "exactly " + layout.length());
      assertRejected(Arrays.copyOf(valid, layout.length() + 1), "exactly " + layout.length());
    }
    // Ecotone-length data under the Isthmus selector, and so on: the selector decides the layout.
    byte[] ecotoneBody = ByteBuffer.allocate(164).putInt(L1InfoLayout.ISTHMUS.selector()).array();
    assertRejected(ecotoneBody, "exactly 176");
  }

  @Test
  void unknownSelectorsAndShortInputAreRejected() {
    assertRejected(new byte[0], "too short");
    assertRejected(new byte[3], "too short");
    assertRejected(null, "too short");
    assertRejected(new byte[260], "unknown selector 0x00000000");
    assertThrows(DecodeException.class, () -> BedrockL1BlockInfo.decode(new EcotoneL1BlockInfo(0, 0, 0, 0, 0,
        BigInteger.ZERO, BigInteger.ONE, Hash.ZERO, Hash.ZERO).encode()));
  }

  @Test
  void bedrockUint64WordsMustFit() {
    byte[] calldata = new BedrockL1BlockInfo(1, 2, BigInteger.TEN, Hash.ZERO, 3, Hash.ZERO, Bytes32.ZERO,
        Bytes32.ZERO).encode();
    for (int[] field : new int[][] {{4, 0}, {36, 1}, {132, 4}}) {
      byte[] bad = calldata.clone();
      bad[field[0] + 23] = 1;
      DecodeException e = assertThrows(DecodeException.class, () -> L1BlockInfo.decode(bad));
      assertTrue(e.getMessage().contains("offset " + field[0]), e.getMessage());
    }
  }

  @Property(tries = 500)
  void randomBytesGiveInfoOrADecodeException(@ForAll @Size(max = 300) byte[] input) {
    decodeOrReject(input);
  }

  @Property(tries = 500)
  void anyBodyUnderARealSelectorGivesInfoOrADecodeException(
      @ForAll @Size(max = 300) byte[] body, @ForAll @IntRange(min = 0, max = 3) int layoutIndex) {
    L1InfoLayout layout = L1InfoLayout.values()[layoutIndex];
    byte[] input = ByteBuffer.allocate(4 + body.length).putInt(layout.selector()).put(body).array();
    decodeOrReject(input);
    byte[] exact = Arrays.copyOf(input, layout.length());
    if (layout != L1InfoLayout.BEDROCK) {
      try {
        // Every packed body of the right length is a valid value.
        assertArrayEquals(exact, L1BlockInfo.decode(exact).encode());
      } catch (DecodeException e) {
        throw new AssertionError("packed layout rejected", e);
      }
    } else {
      decodeOrReject(exact);
    }
  }

  @Property(tries = 500)
  void mutatedCalldataGivesInfoOrADecodeException(
      @ForAll("anyInfo") L1BlockInfo info,
      @ForAll @IntRange(min = 0, max = 1 << 20) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @Size(max = 20) byte[] tail) {
    byte[] valid = info.encode();
    int at = position % valid.length;
    byte[] mutated = switch (kind) {
      case 0 -> {
        byte[] copy = valid.clone();
        copy[at] ^= (byte) (value == 0 ? 1 : value);
        yield copy;
      }
      case 1 -> Arrays.copyOf(valid, at);
      default -> {
        byte[] longer = Arrays.copyOf(valid, valid.length + 1 + tail.length);
        longer[valid.length] = value;
        System.arraycopy(tail, 0, longer, valid.length + 1, tail.length);
        yield longer;
      }
    };
    decodeOrReject(mutated);
  }

  private static void decodeOrReject(byte[] input) {
    try {
      L1BlockInfo info = L1BlockInfo.decode(input);
      assertArrayEquals(input, info.encode());
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  private static void assertRejected(byte[] input, String expectedInMessage) {
    DecodeException e = assertThrows(DecodeException.class, () -> L1BlockInfo.decode(input));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }

  private static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  private static Arbitrary<BigInteger> uint256() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100_000_000_000L)));
  }

  private static Arbitrary<Long> uint32() {
    return Arbitraries.longs().between(0, 0xFFFFFFFFL);
  }

  @Provide
  Arbitrary<BedrockL1BlockInfo> bedrock() {
    Arbitrary<Bytes32> words = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), uint256(), hashes(), Arbitraries.longs(),
        hashes(), words, words).as(BedrockL1BlockInfo::new);
  }

  @Provide
  Arbitrary<EcotoneL1BlockInfo> ecotone() {
    Arbitrary<long[]> numbers = Arbitraries.longs().array(long[].class).ofSize(3);
    return Combinators.combine(uint32(), uint32(), numbers, uint256(), uint256(), hashes(), hashes())
        .as((base, blob, n, fee, blobFee, hash, batcher) ->
            new EcotoneL1BlockInfo(base, blob, n[0], n[1], n[2], fee, blobFee, hash, batcher));
  }

  @Provide
  Arbitrary<IsthmusL1BlockInfo> isthmus() {
    return Combinators.combine(ecotone(), uint32(), Arbitraries.longs())
        .as((e, scalar, constant) -> new IsthmusL1BlockInfo(e.baseFeeScalar(), e.blobBaseFeeScalar(),
            e.sequenceNumber(), e.timestamp(), e.number(), e.baseFee(), e.blobBaseFee(), e.hash(), e.batcherHash(),
            scalar, constant));
  }

  @Provide
  Arbitrary<JovianL1BlockInfo> jovian() {
    return Combinators.combine(isthmus(), Arbitraries.integers().between(0, 0xFFFF))
        .as((i, da) -> new JovianL1BlockInfo(i.baseFeeScalar(), i.blobBaseFeeScalar(), i.sequenceNumber(),
            i.timestamp(), i.number(), i.baseFee(), i.blobBaseFee(), i.hash(), i.batcherHash(),
            i.operatorFeeScalar(), i.operatorFeeConstant(), da));
  }

  @Provide
  Arbitrary<L1BlockInfo> anyInfo() {
    return Arbitraries.oneOf(bedrock(), ecotone(), isthmus(), jovian());
  }
}
