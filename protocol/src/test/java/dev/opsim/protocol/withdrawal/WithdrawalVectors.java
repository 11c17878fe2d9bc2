package dev.opsim.protocol.withdrawal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/** The fixtures in {@code op/output-roots-withdrawals}. */
final class WithdrawalVectors {
  private static final String DIR = "op/output-roots-withdrawals/";

  private WithdrawalVectors() {}

  static JsonNode vectors() {
    return read(DIR + "output-withdrawal-vectors.json");
  }

  static JsonNode bridgeReceipt() {
    return read(DIR + "bridge-withdrawal.json");
  }

  static BigInteger big(JsonNode node) {
    String text = node.asText();
    return text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
  }

  static Bytes bytes(JsonNode node) {
    return Bytes.fromHexString(node.asText());
  }

  static Hash hash(JsonNode node) {
    return Hash.fromHex(node.asText());
  }

  static Address address(JsonNode node) {
    return Address.fromHex(node.asText());
  }

  private static JsonNode read(String path) {
    try {
      return new ObjectMapper().readTree(Fixtures.text(path));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
