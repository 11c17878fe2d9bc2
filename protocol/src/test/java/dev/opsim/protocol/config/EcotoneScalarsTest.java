package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.protocol.DecodeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class EcotoneScalarsTest {

  @Test
  void versionZeroIsAPreEcotoneScalar() throws DecodeException {
    // protocol-reference 12.2: a plain pre-Ecotone number < 2^32 becomes baseFeeScalar unchanged.
    Bytes32 scalar = Bytes32.fromHexStringLenient("0xa6fe0");
    assertEquals(new EcotoneScalars(684000, 0), EcotoneScalars.decode(scalar));
    assertEquals(new EcotoneScalars(684000, 0), EcotoneScalars.forL1Info(scalar));
  }

  @Test
  void versionOneCarriesBothScalars() throws DecodeException {
    // setGasConfigEcotone stores 1 << 248 | blob << 32 | base (12.2); OP Mainnet L2 block 124665056 carries
    // baseFeeScalar 5227 and blobBaseFeeScalar 1014213 (fixtures/op/l1-info).
    Bytes32 scalar = Bytes32.fromHexString(
        "0x010000000000000000000000000000000000000000000000000f79c50000146b");
    assertEquals(new EcotoneScalars(5227, 1014213), EcotoneScalars.decode(scalar));
    assertEquals(scalar, new EcotoneScalars(5227, 1014213).encode());
  }

  @Test
  void versionZeroWithPaddingSaturatesOnlyForL1Info() throws DecodeException {
    Bytes32 big = Bytes32.fromHexStringLenient("0x0100000000");
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(big));
    assertEquals(new EcotoneScalars(0xFFFFFFFFL, 0), EcotoneScalars.forL1Info(big));
  }

  @Test
  void badVersionOneAndUnknownVersionsAreErrorsEitherWay() {
    Bytes32 paddedV1 = Bytes32.fromHexString("0x0100000000000000000000000000000000000000000001000000000100000001");
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(paddedV1));
    assertThrows(DecodeException.class, () -> EcotoneScalars.forL1Info(paddedV1));
    Bytes32 v2 = Bytes32.fromHexString("0x0200000000000000000000000000000000000000000000000000000000000001");
    assertThrows(DecodeException.class, () -> EcotoneScalars.decode(v2));
    assertThrows(DecodeException.class, () -> EcotoneScalars.forL1Info(v2));
  }

  @Property
  void encodeThenDecodeRoundTrips(
      @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long base,
      @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long blob) throws DecodeException {
    EcotoneScalars s = new EcotoneScalars(base, blob);
    assertEquals(s, EcotoneScalars.decode(s.encode()));
    assertEquals(s, EcotoneScalars.forL1Info(s.encode()));
  }

  @Property
  void anyWordGivesScalarsOrADecodeException(@ForAll @Size(32) byte[] raw) {
    try {
      EcotoneScalars.forL1Info(Bytes32.wrap(raw));
    } catch (DecodeException expected) {
      // fine
    }
  }
}
