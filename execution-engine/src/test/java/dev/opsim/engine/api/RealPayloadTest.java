package dev.opsim.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.OptimismParams;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real OP block as an execution payload: OP Goerli L2 block 8381743 (fixture op/l1-info/hildr_bedrock_raw_block.txt,
 * an eth_getBlockByNumber result; Bedrock, so an ExecutionPayloadV1 that newPayloadV2 takes). The payload is written
 * from the RPC fields the way op-node would send it; the header we build from it must hash to the block's stated
 * {@code hash}, which is what the payload's blockHash check relies on.
 */
class RealPayloadTest {

  private static JsonNode block;
  private static ObjectNode payloadJson;

  @BeforeAll
  static void load() throws Exception {
    block = new ObjectMapper().readTree(Fixtures.text("op/l1-info/hildr_bedrock_raw_block.txt")).get("test_block_data");
    payloadJson = new ObjectMapper().createObjectNode();
    payloadJson.put("parentHash", text("parentHash"));
    payloadJson.put("feeRecipient", text("miner"));
    payloadJson.put("stateRoot", text("stateRoot"));
    payloadJson.put("receiptsRoot", text("receiptsRoot"));
    payloadJson.put("logsBloom", text("logsBloom"));
    payloadJson.put("prevRandao", text("mixHash"));
    payloadJson.put("blockNumber", text("number"));
    payloadJson.put("gasLimit", text("gasLimit"));
    payloadJson.put("gasUsed", text("gasUsed"));
    payloadJson.put("timestamp", text("timestamp"));
    payloadJson.put("extraData", text("extraData"));
    payloadJson.put("baseFeePerGas", text("baseFeePerGas"));
    payloadJson.put("blockHash", text("hash"));
    ArrayNode txs = payloadJson.putArray("transactions");
    txs.add(Hex.encode(depositFromRpcFields(block.get("transactions").get(0))));
  }

  private static String text(String field) {
    return block.get(field).asText();
  }

  // Rebuilt from its RPC fields as the chain's RealBlockHeaderTest does; its hash is checked against the stated one.
  private static byte[] depositFromRpcFields(JsonNode tx) {
    DepositTx deposit = new DepositTx(Hash.fromHex(tx.get("sourceHash").asText()),
        Address.fromHex(tx.get("from").asText()), Optional.of(Address.fromHex(tx.get("to").asText())),
        new BigInteger(tx.get("mint").asText().substring(2), 16),
        new BigInteger(tx.get("value").asText().substring(2), 16), Long.decode(tx.get("gas").asText()), false,
        Bytes.wrap(Hex.decode(tx.get("input").asText())));
    assertEquals(Hash.fromHex(tx.get("hash").asText()), deposit.hash());
    return deposit.encode();
  }

  @Test
  void payloadHeaderHashesToTheStatedBlockHash() throws Exception {
    ExecutionPayload payload = ExecutionPayload.fromJson(payloadJson);
    assertEquals(1, payload.version());
    Block rebuilt = payload.toBlock(Optional.empty());
    assertEquals(Hash.fromHex(text("hash")), rebuilt.hash());
    assertEquals(Hash.fromHex(text("transactionsRoot")), rebuilt.header().transactionsRoot());
    assertEquals(Long.decode(text("size")).intValue(), rebuilt.encode().size(), "block RLP size as the RPC states");
  }

  @Test
  void payloadJsonRoundTripsExactlyThroughTheBlock() throws Exception {
    ExecutionPayload payload = ExecutionPayload.fromJson(payloadJson);
    assertEquals(payload, ExecutionPayload.fromBlock(payload.toBlock(Optional.empty())));
    assertEquals(payloadJson, payload.toJson(), "canonical JSON: field names, lower-case hex, minimal quantities");
  }

  @Test
  void newPayloadV2ImportsTheRealBlockAndRejectsATamperedOne() throws Exception {
    FakeBackend backend = new FakeBackend();
    ChainConfig bedrockOnly = new ChainConfig(BigInteger.valueOf(420), OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.of(BigInteger.ZERO),
        Optional.of(new OptimismParams(OptionalLong.of(4_061_224), Map.of(), 10, 50, OptionalLong.empty())));
    EngineApiMethods methods = new EngineApiMethods(bedrockOnly, backend);
    PayloadStatus status = methods.newPayloadV2(ExecutionPayload.fromJson(payloadJson));
    assertEquals(PayloadStatus.valid(Hash.fromHex(text("hash"))), status);
    assertEquals(Hash.fromHex(text("hash")), backend.imported.get(0).hash());

    ObjectNode tampered = payloadJson.deepCopy();
    tampered.put("gasUsed", "0x1");
    PayloadStatus refused = methods.newPayloadV2(ExecutionPayload.fromJson(tampered));
    assertEquals(PayloadStatus.Status.INVALID, refused.status());
    assertTrue(refused.latestValidHash().isEmpty());
    assertEquals(1, backend.imported.size());
  }
}
