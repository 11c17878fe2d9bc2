package dev.opsim.protocol.fee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** The fixture file {@code op/fees/fee-vectors.json}, read once per use. */
final class FeeVectors {
  private FeeVectors() {}

  static JsonNode root() {
    try {
      return new ObjectMapper().readTree(Fixtures.text("op/fees/fee-vectors.json"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BigInteger big(JsonNode node) {
    return new BigInteger(node.asText());
  }

  static byte[] hex(JsonNode node) {
    return Hex.decode(node.asText());
  }

  /** go-ethereum's {@code emptyTx} as the collector rebuilt it. */
  static byte[] emptyTx() {
    return hex(root().path("op_geth_empty_tx").path("emptyTx_rlp_by_collector"));
  }
}
