package dev.opsim.protocol.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BlobCodecTest {
  private static byte[] blob(String file) {
    byte[] blob = Hex.decode(Fixtures.text("op/blobs/" + file));
    assertEquals(BlobCodec.BLOB_SIZE, blob.length);
    return blob;
  }

  /** The payloads stated by hildr's BlobCodecTest (op-service TestBlobEncodeDecode cases). */
  @ParameterizedTest
  @CsvSource({
    "blob1.txt, 0x7468697320697320612074657374206f6620626c6f6220656e636f64696e672f6465636f64696e67",
    "blob2.txt, 0x73686f7274",
    "blob4.txt, 0x000100",
    "blob5.txt, 0x000000000000000000000000000000000000000000000000000000",
    "blob7.txt, 0x00000000000000000000000000000000000000000000000000",
    "blob8.txt, 0x"
  })
  void decodesEveryFixtureBlobAndEncodesItBack(String file, String payloadHex) throws DecodeException {
    byte[] blob = blob(file);
    Bytes payload = Bytes.fromHexString(payloadHex);
    assertEquals(payload, BlobCodec.decode(blob));
    assertArrayEquals(blob, BlobCodec.encode(payload));
  }

  @Test
  void fixturePayloadsAreTheStatedText() throws DecodeException {
    assertEquals("this is a test of blob encoding/decoding",
        new String(BlobCodec.decode(blob("blob1.txt")).toArrayUnsafe(), StandardCharsets.US_ASCII));
    assertEquals("short", new String(BlobCodec.decode(blob("blob2.txt")).toArrayUnsafe(), StandardCharsets.US_ASCII));
    assertEquals(27, BlobCodec.decode(blob("blob5.txt")).size());
    assertEquals(25, BlobCodec.decode(blob("blob7.txt")).size());
  }

  @Test
  void theRealBeaconBlobIsNotOpEncoded() {
    // verify_blob.txt is a Goerli beacon blob used for KZG checks only; it is not an OP version-0 blob.
    assertThrows(DecodeException.class, () -> BlobCodec.decode(blob("verify_blob.txt")));
  }

  @Test
  void rejectsWrongSizes() {
    assertThrows(DecodeException.class, () -> BlobCodec.decode(new byte[BlobCodec.BLOB_SIZE - 1]));
    assertThrows(DecodeException.class, () -> BlobCodec.decode(new byte[BlobCodec.BLOB_SIZE + 1]));
    assertThrows(DecodeException.class, () -> BlobCodec.decode(new byte[0]));
  }

  @Test
  void rejectsTheCasesOfOpServiceTestInvalidBlobDecoding() throws DecodeException {
    byte[] blob = BlobCodec.encode("this is a test of invalid blob decoding".getBytes(StandardCharsets.US_ASCII));
    assertRejected(with(blob, 32, 0b1000_0000), "top bit");
    assertRejected(with(blob, 32, 0b0100_0000), "top bit");
    assertRejected(with(blob, 1, 0x01), "version");
    assertRejected(with(blob, 2, 0xFF), "length");
    BlobCodec.decode(blob);
  }

  @Test
  void rejectsALengthJustOverTheMaximumAndAcceptsTheMaximum() throws DecodeException {
    assertEquals(130_044, BlobCodec.MAX_PAYLOAD);
    byte[] full = new byte[BlobCodec.MAX_PAYLOAD];
    Arrays.fill(full, (byte) 0xAB);
    byte[] blob = BlobCodec.encode(full);
    assertEquals(Bytes.wrap(full), BlobCodec.decode(blob));
    int over = BlobCodec.MAX_PAYLOAD + 1;
    byte[] bad = blob.clone();
    bad[2] = (byte) (over >>> 16);
    bad[3] = (byte) (over >>> 8);
    bad[4] = (byte) over;
    assertRejected(bad, "length");
    assertThrows(IllegalArgumentException.class, () -> BlobCodec.encode(new byte[over]));
  }

  @Test
  void rejectsNonZeroBytesAfterThePayload() {
    byte[] blob = BlobCodec.encode("short".getBytes(StandardCharsets.US_ASCII));
    // Inside the decoded round: byte 5 of the output is blob byte 10.
    assertRejected(with(blob, 10, 1), "after the payload");
    // In a later round that is not decoded at all, and in the very last byte.
    assertRejected(with(blob, 128 * 5 + 7, 1), "after the payload");
    assertRejected(with(blob, BlobCodec.BLOB_SIZE - 1, 1), "after the payload");
    // A 6-bit piece in a top byte of round 0 that lands after the payload.
    assertRejected(with(blob, 96, 0x01), "after the payload");
  }

  @Test
  void fieldElementZeroTopBitsAreIgnoredAsOpServiceDoes() throws DecodeException {
    // op-service and kona never check the top byte of field element 0; its top two bits carry nothing.
    byte[] blob = BlobCodec.encode("short".getBytes(StandardCharsets.US_ASCII));
    assertEquals("short", new String(BlobCodec.decode(with(blob, 0, 0x40)).toArrayUnsafe(), StandardCharsets.US_ASCII));
  }

  private static byte[] with(byte[] blob, int offset, int value) {
    byte[] out = blob.clone();
    out[offset] = (byte) value;
    return out;
  }

  private static void assertRejected(byte[] blob, String messagePart) {
    DecodeException e = assertThrows(DecodeException.class, () -> BlobCodec.decode(blob));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Property(tries = 150)
  void payloadsRoundTrip(@ForAll @IntRange(max = BlobCodec.MAX_PAYLOAD) int length, @ForAll long seed)
      throws DecodeException {
    byte[] payload = new byte[length];
    new Random(seed).nextBytes(payload);
    byte[] blob = BlobCodec.encode(payload);
    assertEquals(BlobCodec.BLOB_SIZE, blob.length);
    for (int fe = 0; fe < BlobCodec.FIELD_ELEMENTS; fe++) {
      assertEquals(0, blob[fe * 32] & 0xC0, "field element " + fe);
    }
    assertEquals(Bytes.wrap(payload), BlobCodec.decode(blob));
  }

  @Property(tries = 60)
  void lengthsNearRoundBoundariesRoundTrip(@ForAll @IntRange(min = 0, max = 300) int delta, @ForAll long seed)
      throws DecodeException {
    // op-service's TestBigBlobEncoding: the maximum and the 255 lengths below it, here sampled.
    byte[] payload = new byte[BlobCodec.MAX_PAYLOAD - delta];
    new Random(seed).nextBytes(payload);
    assertEquals(Bytes.wrap(payload), BlobCodec.decode(BlobCodec.encode(payload)));
  }

  @Property(tries = 200)
  void randomBlobsDecodeOrAreRejected(@ForAll long seed, @ForAll boolean plausible) {
    byte[] blob = new byte[BlobCodec.BLOB_SIZE];
    Random random = new Random(seed);
    random.nextBytes(blob);
    if (plausible) {
      // Give the decoder a chance to get past the header and the top-bit checks.
      blob[1] = 0;
      blob[2] = 0;
      for (int fe = 0; fe < BlobCodec.FIELD_ELEMENTS; fe++) {
        blob[fe * 32] &= 0x3F;
      }
    }
    decodeQuietly(blob);
  }

  @Property(tries = 300)
  void mutatedBlobsDecodeOrAreRejected(
      @ForAll @IntRange(max = 3000) int length, @ForAll long seed, @ForAll @IntRange(max = 3) int mutations) {
    Random random = new Random(seed);
    byte[] payload = new byte[length];
    random.nextBytes(payload);
    byte[] blob = BlobCodec.encode(payload);
    for (int i = 0; i < mutations + 1; i++) {
      blob[random.nextInt(Math.min(BlobCodec.BLOB_SIZE, length * 2 + 200))] ^= (byte) (1 << random.nextInt(8));
    }
    decodeQuietly(blob);
    decodeQuietly(Arrays.copyOf(blob, random.nextInt(BlobCodec.BLOB_SIZE + 10)));
  }

  private static void decodeQuietly(byte[] blob) {
    try {
      Bytes payload = BlobCodec.decode(blob);
      assertTrue(payload.size() <= BlobCodec.MAX_PAYLOAD);
    } catch (DecodeException expected) {
      // rejected input is fine
    }
  }
}
