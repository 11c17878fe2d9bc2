package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real OP Goerli L2 block (fixture op/l1-info/hildr_bedrock_raw_block.txt, eth_getBlockByNumber JSON): its header
 * rebuilt from the JSON fields must hash to the stated {@code hash}, and its one transaction (the L1-info deposit,
 * rebuilt from its RPC fields) must give the stated {@code transactionsRoot}.
 */
class RealBlockHeaderTest {
  private static JsonNode block;

  @BeforeAll
  static void load() throws Exception {
    block = new ObjectMapper().readTree(Fixtures.text("op/l1-info/hildr_bedrock_raw_block.txt")).get("test_block_data");
  }

  private static BlockHeader header() {
    return new BlockHeader(
        hash("parentHash"),
        hash("sha3Uncles"),
        Address.fromHex(block.get("miner").asText()),
        hash("stateRoot"),
        hash("transactionsRoot"),
        hash("receiptsRoot"),
        new LogsBloom(Bytes.fromHexString(block.get("logsBloom").asText())),
        quantity("difficulty"),
        quantity("number").longValueExact(),
        quantity("gasLimit").longValueExact(),
        quantity("gasUsed").longValueExact(),
        quantity("timestamp").longValueExact(),
        Bytes.fromHexString(block.get("extraData").asText()),
        hash("mixHash"),
        quantity("nonce").longValueExact(),
        Optional.of(quantity("baseFeePerGas")),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void headerRebuiltFromJsonHashesToTheStatedHash() {
    assertEquals(hash("hash"), header().hash());
    assertEquals(HeaderShape.LONDON, header().shape());
  }

  @Test
  void headerEncodingDecodesBackToTheSameHeader() throws Exception {
    BlockHeader header = header();
    assertEquals(header, BlockHeader.decode(header.encode()));
    assertEquals(hash("hash"), BlockHeader.decode(header.encode()).hash());
  }

  @Test
  void transactionsRootFromTheDepositMatches() throws Exception {
    JsonNode tx = block.get("transactions").get(0);
    // gas 1,000,000 marks a Regolith L1-info deposit, which is not a system tx (protocol-reference 13)
    DepositTx deposit = new DepositTx(
        Hash.fromHex(tx.get("sourceHash").asText()),
        Address.fromHex(tx.get("from").asText()),
        Optional.of(Address.fromHex(tx.get("to").asText())),
        new BigInteger(tx.get("mint").asText().substring(2), 16),
        new BigInteger(tx.get("value").asText().substring(2), 16),
        Long.decode(tx.get("gas").asText()),
        false,
        Bytes.wrap(Hex.decode(tx.get("input").asText())));
    assertEquals(Hash.fromHex(tx.get("hash").asText()), deposit.hash(), "the deposit is rebuilt exactly");
    Bytes encoded = Bytes.wrap(deposit.encode());
    assertEquals(hash("transactionsRoot"), BlockRoots.transactionsRoot(List.of(encoded)));

    Block full = new Block(header(), List.of(encoded), Optional.empty());
    Block decoded = Block.decode(full.encode());
    assertEquals(full, decoded);
    assertEquals(hash("hash"), decoded.hash());
    assertEquals(Long.decode(block.get("size").asText()).intValue(), full.encode().size(),
        "the block RLP has the size the RPC states");
  }

  private static Hash hash(String field) {
    return Hash.fromHex(block.get(field).asText());
  }

  private static BigInteger quantity(String field) {
    return new BigInteger(block.get(field).asText().substring(2), 16);
  }
}
