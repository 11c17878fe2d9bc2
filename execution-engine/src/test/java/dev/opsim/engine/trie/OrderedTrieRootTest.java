package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class OrderedTrieRootTest {

  @Test
  void indexKeysAreRlpIntegers() {
    assertEquals(Bytes.of(0x80), OrderedTrieRoot.indexKey(0));
    assertEquals(Bytes.of(0x01), OrderedTrieRoot.indexKey(1));
    assertEquals(Bytes.of(0x7f), OrderedTrieRoot.indexKey(127));
    assertEquals(Bytes.of(0x81, 0x80), OrderedTrieRoot.indexKey(128));
    assertEquals(Bytes.of(0x82, 0x01, 0x00), OrderedTrieRoot.indexKey(256));
  }

  @Test
  void emptyListHasTheEmptyRoot() {
    // An empty block's transactionsRoot / receiptsRoot (Yellow Paper 4.3) is the empty trie's root.
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, OrderedTrieRoot.of(List.of()));
  }

  @Provide
  Arbitrary<List<Bytes>> lists() {
    Arbitrary<Bytes> item = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(50).map(Bytes::wrap);
    return item.list().ofMaxSize(300);
  }

  @Property(tries = 30)
  void equalsTheReferenceRootOfTheIndexMap(@ForAll("lists") List<Bytes> items) {
    // Lists up to 300 items cross the 127/128 boundary where index keys change from one byte to two.
    Map<Bytes, Bytes> map = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      map.put(Bytes.wrap(RefRlp.encode(RefRlp.integer(i))), items.get(i));
    }
    assertEquals(Hash.wrap(ReferenceTrie.root(map)), OrderedTrieRoot.of(items));
  }

  /**
   * OP Goerli block 8381743 (fixture op/l1-info/hildr_bedrock_raw_block.txt): one transaction, the L1-info
   * deposit. Its consensus encoding (protocol-reference 2.1) must hash to the block's tx hash, and the one-item
   * tries must give the header's transactionsRoot and receiptsRoot.
   */
  @Test
  void realBlockTransactionsAndReceiptsRoots() throws Exception {
    JsonNode block = new ObjectMapper()
        .readTree(Fixtures.text("op/l1-info/hildr_bedrock_raw_block.txt")).get("test_block_data");
    JsonNode tx = block.get("transactions").get(0);
    byte[] fields = RefRlp.encode(List.of(
        hex(tx.get("sourceHash")),
        hex(tx.get("from")),
        hex(tx.get("to")),
        quantity(tx.get("mint")),
        quantity(tx.get("value")),
        quantity(tx.get("gas")),
        new byte[0], // isSystemTx false (Regolith and later)
        hex(tx.get("input"))));
    Bytes depositTx = Bytes.concatenate(Bytes.of(0x7e), Bytes.wrap(fields));
    assertEquals(Hash.fromHex(tx.get("hash").asText()), Keccak.hash(depositTx), "the tx encoding is right");
    assertEquals(Hash.fromHex(block.get("transactionsRoot").asText()), OrderedTrieRoot.of(List.of(depositTx)));

    // Pre-Canyon deposit receipt consensus encoding (protocol-reference 2.5): 0x7e ++ RLP([status,
    // cumulativeGasUsed, logsBloom, logs]) without the deposit nonce. The block's only tx used all its gas,
    // and its bloom is all zero, so it has no logs; status 1 (success).
    byte[] receipt = RefRlp.encode(List.of(
        new byte[] {1},
        quantity(block.get("gasUsed")),
        hex(block.get("logsBloom")),
        List.of()));
    Bytes receiptBytes = Bytes.concatenate(Bytes.of(0x7e), Bytes.wrap(receipt));
    assertEquals(Hash.fromHex(block.get("receiptsRoot").asText()), OrderedTrieRoot.of(List.of(receiptBytes)));
  }

  private static byte[] hex(JsonNode node) {
    return Bytes.fromHexString(node.asText()).toArrayUnsafe();
  }

  private static byte[] quantity(JsonNode node) {
    // JSON-RPC quantities are 0x-hex without leading zeros, possibly of odd length ("0x0").
    return RefRlp.integer(Long.parseUnsignedLong(node.asText().substring(2), 16));
  }
}
