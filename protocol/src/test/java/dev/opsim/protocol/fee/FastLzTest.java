package dev.opsim.protocol.fee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FastLzTest {
  private static final JsonNode CASES = FeeVectors.root().path("flz_compress_len").path("cases");

  @Test
  void emptyInputCompressesToNothing() {
    assertEquals(0, expected("empty"));
    assertEquals(expected("empty"), FastLz.compressedLength(new byte[0]));
  }

  @Test
  void thousandOnesAsOpGethStates() {
    byte[] ones = new byte[1000];
    Arrays.fill(ones, (byte) 1);
    assertEquals(expected("1000 bytes of 0x01"), FastLz.compressedLength(ones));
  }

  @Test
  void thousandZeroesAsOpGethStates() {
    assertEquals(expected("1000 zero bytes"), FastLz.compressedLength(new byte[1000]));
  }

  @Test
  void emptyTxAsOpGethStates() {
    assertEquals(expected("emptyTx encoding (see op_geth_empty_tx)"), FastLz.compressedLength(FeeVectors.emptyTx()));
  }

  @Test
  void opMainnetContractCallAsOpGethStates() {
    JsonNode tx = hexCase();
    assertEquals(tx.path("expected").asLong(), FastLz.compressedLength(FeeVectors.hex(tx.path("input"))));
    assertEquals(202, tx.path("expected").asLong());
  }

  @Test
  void everyFixtureCaseIsCovered() {
    assertEquals(5, CASES.size());
  }

  @Property(tries = 300)
  void lengthIsWhatTheReferenceCompressorEmitsAndThatRoundTrips(@ForAll("compressible") byte[] input) {
    byte[] compressed = FastLzCodec.compress(input);
    assertEquals(compressed.length, FastLz.compressedLength(input));
    assertArrayEquals(input, FastLzCodec.decompress(compressed));
  }

  @Property(tries = 200)
  void fixtureInputsRoundTripThroughTheReferenceCompressor(@ForAll @IntRange(min = 0, max = 4) int index) {
    byte[] input = input(CASES.get(index));
    byte[] compressed = FastLzCodec.compress(input);
    assertEquals(compressed.length, FastLz.compressedLength(input));
    assertArrayEquals(input, FastLzCodec.decompress(compressed));
  }

  /**
   * Each literal run costs its bytes plus one opcode per started 32 bytes, a match never costs more than the
   * bytes it replaces minus one, and runs are at most one more than matches: so n <= len + len/32 + 1.
   */
  @Property(tries = 500)
  void neverLongerThanAllLiteralsBound(@ForAll("compressible") byte[] input) {
    long n = FastLz.compressedLength(input);
    assertTrue(n <= input.length + input.length / 32 + 1, () -> n + " for " + input.length + " bytes");
    assertTrue(input.length == 0 || n >= 2, () -> "non-empty input gave " + n);
  }

  /**
   * A match is taken only when the position after its first byte is still more than 13 bytes from the end, so
   * inputs of up to 16 bytes are one literal run.
   */
  @Property(tries = 200)
  void shortInputsAreOneLiteralRun(@ForAll @Size(min = 1, max = 16) byte[] input) {
    assertEquals(input.length + 1, FastLz.compressedLength(input));
  }

  /**
   * A run of one byte value is a 2-byte literal, one match (3 bytes per 262 copied, plus its last opcode) and the
   * 5 bytes after the match as a literal: at most 3*(len/262) + 15 bytes.
   */
  @Property(tries = 100)
  void repeatedByteRunsCompressToOneMatch(@ForAll byte value, @ForAll @IntRange(min = 17, max = 5000) int length) {
    byte[] input = new byte[length];
    Arrays.fill(input, value);
    long n = FastLz.compressedLength(input);
    assertTrue(n <= 3L * (length / 262) + 15, () -> n + " for a run of " + length);
  }

  @Provide
  Arbitrary<byte[]> compressible() {
    // Small alphabets make matches (including long and overlapping ones) likely; random bytes make literals.
    Arbitrary<byte[]> lowEntropy = Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(3000);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    Arbitrary<byte[]> repeats = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)
        .flatMap(unit -> Arbitraries.integers().between(1, 200).map(times -> repeat(unit, times)));
    return Arbitraries.oneOf(lowEntropy, random, repeats);
  }

  private static byte[] repeat(byte[] unit, int times) {
    byte[] out = new byte[unit.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(unit, 0, out, i * unit.length, unit.length);
    }
    return out;
  }

  private static long expected(String input) {
    for (JsonNode c : CASES) {
      if (c.path("input").asText().equals(input)) {
        return c.path("expected").asLong();
      }
    }
    throw new AssertionError("fixture case missing: " + input);
  }

  private static JsonNode hexCase() {
    for (JsonNode c : CASES) {
      if (c.path("input").asText().startsWith("0x")) {
        return c;
      }
    }
    throw new AssertionError("fixture hex case missing");
  }

  /** The bytes a fixture case describes (prose for the synthetic ones). */
  private static byte[] input(JsonNode c) {
    String text = c.path("input").asText();
    return switch (text) {
      case "empty" -> new byte[0];
      case "1000 bytes of 0x01" -> {
        byte[] ones = new byte[1000];
        Arrays.fill(ones, (byte) 1);
        yield ones;
      }
      case "1000 zero bytes" -> new byte[1000];
      case "emptyTx encoding (see op_geth_empty_tx)" -> FeeVectors.emptyTx();
      default -> FeeVectors.hex(c.path("input"));
    };
  }
}
