package dev.opsim.devnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.devnet.CliRun;
import dev.opsim.protocol.Fixtures;
import org.junit.jupiter.api.Test;

class L1FeeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void fjordFeeOfARealOpMainnetTransaction() throws Exception {
    // fees/README.md, mainnet_fjord: L1 gas used 4471, L1 fee 24681034813 wei (stated by revm and reth).
    JsonNode vectors = MAPPER.readTree(Fixtures.text("op/fees/fee-vectors.json"));
    String tx = vectors.get("mainnet_fjord").get("tx").asText();
    CliRun run = CliRun.of("l1-fee", "--fork", "fjord", "--l1-base-fee", "1055991687", "--l1-blob-base-fee", "1",
        "--base-fee-scalar", "5227", "--blob-base-fee-scalar", "1014213", tx);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode out = MAPPER.readTree(run.out());
    assertEquals(4471, out.get("l1GasUsed").asLong());
    assertEquals(24681034813L, out.get("l1Fee").asLong());
  }

  @Test
  void bedrockUsesOverheadAndScalar() throws Exception {
    // fees/README.md, op_geth_empty_tx under Bedrock: fee 11326000000000, L1 gas used 1618.
    JsonNode vectors = MAPPER.readTree(Fixtures.text("op/fees/fee-vectors.json"));
    String tx = vectors.get("op_geth_empty_tx").get("emptyTx_rlp_by_collector").asText();
    CliRun run = CliRun.of("l1-fee", "--fork", "bedrock", "--l1-base-fee", "1000000000", "--overhead", "50",
        "--scalar", "7000000", tx);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode out = MAPPER.readTree(run.out());
    assertEquals(1618, out.get("l1GasUsed").asLong());
    assertEquals(11326000000000L, out.get("l1Fee").asLong());
  }

  @Test
  void badValuesAreOneLineErrors() {
    CliRun badFork = CliRun.of("l1-fee", "--fork", "nope", "--l1-base-fee", "1", "0x01");
    assertEquals(2, badFork.exitCode());
    assertTrue(badFork.errIsOneLine(), badFork.err());
    CliRun negative = CliRun.of("l1-fee", "--fork", "fjord", "--l1-base-fee", "-5", "0x01");
    assertEquals(1, negative.exitCode());
    assertTrue(negative.errIsOneLine(), negative.err());
    CliRun badHex = CliRun.of("l1-fee", "--fork", "fjord", "--l1-base-fee", "5", "0xZZ");
    assertEquals(1, badHex.exitCode());
    assertTrue(badHex.errIsOneLine(), badHex.err());
  }
}
