package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protobuf base-128 varints (protobuf encoding guide: 1 → 01, 150 → 96 01; 300 → ac 02). */
class UvarintTest {
  @ParameterizedTest
  @CsvSource({
    "0, 00", "1, 01", "127, 7f", "128, 8001", "150, 9601", "300, ac02", "16384, 808001",
    "18446744073709551615, ffffffffffffffffff01", "9223372036854775808, 80808080808080808001"
  })
  void encodesAndDecodesKnownValues(String value, String hex) throws DecodeException {
    long v = Long.parseUnsignedLong(value);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Uvarint.write(out, v);
    assertEquals(Bytes.fromHexString(hex), Bytes.wrap(out.toByteArray()));
    ByteReader in = new ByteReader(Bytes.fromHexString(hex), 0, "test");
    assertEquals(v, Uvarint.read(in, "value"));
    assertEquals(0, in.remaining());
  }

  /**
   * Non-minimal encodings, as Go's {@code binary.ReadUvarint} (used by op-node for every span batch varint) reads
   * them: a final 0x00 group after continuation bytes only adds zero bits.
   */
  @ParameterizedTest
  @CsvSource({
    "0, 8000", "127, ff00", "0, 808000", "1, 8100", "300, ac8200", "0, 80808080808080808000",
    "9223372036854775808, 80808080808080808001"
  })
  void acceptsNonMinimalEncodingsLikeGoReadUvarint(String value, String hex) throws DecodeException {
    ByteReader in = new ByteReader(Bytes.fromHexString(hex), 0, "test");
    assertEquals(Long.parseUnsignedLong(value), Uvarint.read(in, "value"));
    assertEquals(0, in.remaining());
  }

  /** Go's ReadUvarint overflow: a 10th byte above 1, or no final byte within 10 bytes; and running out of input. */
  @ParameterizedTest
  @CsvSource({
    "ffffffffffffffffff02, overflows", "ffffffffffffffffff7f, overflows", "80808080808080808002, overflows",
    "8080808080808080808001, overflows", "80808080808080808080, overflows", "80, needs at least",
    "'', needs at least"
  })
  void rejectsOverflowingAndTruncated(String hex, String message) {
    ByteReader in = new ByteReader(Bytes.fromHexString(hex), 0, "test");
    DecodeException e = assertThrows(DecodeException.class, () -> Uvarint.read(in, "value"));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
