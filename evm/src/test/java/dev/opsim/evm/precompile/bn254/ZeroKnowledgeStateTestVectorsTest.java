package dev.opsim.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.precompile.bn254.Bn254Result.Failure;
import dev.opsim.evm.precompile.bn254.Bn254Result.Reason;
import dev.opsim.evm.precompile.bn254.Bn254Result.Success;
import dev.opsim.protocol.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ecPairing inputs of the Ethereum state tests (ethereum/tests stZeroKnowledge, see the fixture README), with
 * the outcome the test itself states: a per-input label in {@code ecpairing_inputs.json}, the file name for the
 * single-input files. The state tests only give post-state roots, so the precompile output is checked against
 * those statements, not against a stored output.
 */
class ZeroKnowledgeStateTestVectorsTest {
  private static final String FOLDER = "ethereum-tests/GeneralStateTests/stZeroKnowledge/";
  /**
   * The contract ecpairing_inputs.json calls: CALLDATACOPY all call data to memory, STATICCALL 0x08 with it, store
   * the 32-byte output (or 0xfe on failure) in slot 1. So each transaction data item is the precompile input.
   */
  private static final String FORWARDING_CONTRACT = "0x60205f368082803781600863fffffffffa60fe90601b57600155005b505f5160015500";
  private static final byte[] ONE = word(1);
  private static final byte[] ZERO = word(0);

  private static byte[] word(int value) {
    byte[] out = new byte[32];
    out[31] = (byte) value;
    return out;
  }

  private static JsonNode test(String file) {
    try {
      JsonNode root = new ObjectMapper().readTree(Fixtures.text(FOLDER + file));
      return root.properties().iterator().next().getValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] hex(String value) {
    return HexFormat.of().parseHex(value.substring(2));
  }

  static Stream<Arguments> labelledInputs() {
    JsonNode test = test("ecpairing_inputs.json");
    JsonNode data = test.get("transaction").get("data");
    JsonNode labels = test.get("_info").get("labels");
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      cases.add(Arguments.of(i, labels.get(Integer.toString(i)).asText(), hex(data.get(i).asText())));
    }
    return cases.stream();
  }

  @Test
  void labelledInputsGoStraightToThePrecompile() {
    JsonNode test = test("ecpairing_inputs.json");
    String to = test.get("transaction").get("to").asText();
    assertEquals(FORWARDING_CONTRACT, test.get("pre").get(to).get("code").asText());
    assertEquals(144, test.get("transaction").get("data").size());
  }

  @ParameterizedTest(name = "ecpairing_inputs data[{0}] {1}")
  @MethodSource("labelledInputs")
  void labelledInput(int index, String label, byte[] input) {
    Bn254Result result = Bn254Precompiles.pairing(input);
    switch (label) {
      case "positive" -> assertArrayEquals(ONE, assertInstanceOf(Success.class, result).output());
      case "negative" -> assertArrayEquals(ZERO, assertInstanceOf(Success.class, result).output());
      case "invalid_g1_point" -> assertInvalidPoint(result, "G1");
      case "invalid_g2_point" -> assertInvalidPoint(result, "G2");
      case "invalid_g2_subgroup" ->
          assertEquals(Reason.NOT_IN_SUBGROUP, assertInstanceOf(Failure.class, result).reason());
      default -> throw new AssertionError("unknown label " + label);
    }
  }

  private static void assertInvalidPoint(Bn254Result result, String group) {
    Failure failure = assertInstanceOf(Failure.class, result);
    assertTrue(Set.of(Reason.COORDINATE_NOT_IN_FIELD, Reason.NOT_ON_CURVE).contains(failure.reason()), failure::toString);
    assertTrue(failure.message().startsWith(group), failure::toString);
  }

  /**
   * Files whose name states the outcome. Their contract takes ABI-encoded bytes (selector, offset, length, data) and
   * "puts the given data into the ECPAIRING precompile" (the test's comment).
   */
  static Stream<Arguments> namedFiles() {
    return Stream.of(
        Arguments.of("ecpairing_empty_data.json", "one"),
        Arguments.of("ecpairing_one_point_with_g1_zero.json", "one"),
        Arguments.of("ecpairing_one_point_with_g2_zero.json", "one"),
        Arguments.of("ecpairing_two_point_match_1.json", "one"),
        Arguments.of("ecpairing_two_point_match_2.json", "one"),
        Arguments.of("ecpairing_two_point_match_3.json", "one"),
        Arguments.of("ecpairing_two_point_match_4.json", "one"),
        Arguments.of("ecpairing_two_point_match_5.json", "one"),
        Arguments.of("ecpairing_three_point_match_1.json", "one"),
        Arguments.of("ecpairing_one_point_fail.json", "zero"),
        Arguments.of("ecpairing_two_point_fail_1.json", "zero"),
        Arguments.of("ecpairing_two_point_fail_2.json", "zero"),
        Arguments.of("ecpairing_three_point_fail_1.json", "zero"),
        Arguments.of("ecpairing_bad_length_191.json", "failure"),
        Arguments.of("ecpairing_bad_length_193.json", "failure"),
        Arguments.of("ecpairing_one_point_not_in_subgroup.json", "failure"),
        Arguments.of("ecpairing_one_point_with_g2_zero_and_g1_invalid.json", "failure"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("namedFiles")
  void namedFile(String file, String outcome) {
    byte[] call = hex(test(file).get("transaction").get("data").get(0).asText());
    int offset = 4 + new BigInteger(1, Arrays.copyOfRange(call, 4, 36)).intValueExact();
    int length = new BigInteger(1, Arrays.copyOfRange(call, offset, offset + 32)).intValueExact();
    byte[] input = Arrays.copyOfRange(call, offset + 32, offset + 32 + length);
    Bn254Result result = Bn254Precompiles.pairing(input);
    switch (outcome) {
      case "one" -> assertArrayEquals(ONE, assertInstanceOf(Success.class, result).output());
      case "zero" -> assertArrayEquals(ZERO, assertInstanceOf(Success.class, result).output());
      default -> assertInstanceOf(Failure.class, result);
    }
  }
}
