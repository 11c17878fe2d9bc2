package dev.opsim.engine.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** eth_feeHistory's shape and values (geth eth/gasprice/feehistory.go) over three blocks. */
class FeeHistoryTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000e1");

  private RpcMethods methods;

  @BeforeEach
  void chain() {
    FakeEthBackend backend = new FakeEthBackend(5, false);
    backend.addEmptyBlock(GWEI);
    // Block 1: two 21000-gas transfers tipping 5 and 1 gwei (the cheaper one last, to check the sort).
    Bytes rich = TestSigner.dynamic(TestSigner.key(0), 5, 0, GWEI.multiply(BigInteger.valueOf(5)),
        GWEI.multiply(BigInteger.TEN), 21_000, TO, Bytes.EMPTY).encode();
    Bytes cheap = TestSigner.dynamic(TestSigner.key(1), 5, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, TO,
        Bytes.EMPTY).encode();
    backend.addBlock(List.of(rich, cheap), List.of(Receipt.of(2, true, 21_000, List.of()),
        Receipt.of(2, true, 42_000, List.of())), GWEI.multiply(BigInteger.TWO), 30_000_000);
    backend.addEmptyBlock(GWEI.multiply(BigInteger.valueOf(3)));
    methods = new EthMethods(backend, EthConfig.DEFAULTS).methods();
  }

  private JsonNode feeHistory(String params) throws Exception {
    return methods.find("eth_feeHistory").orElseThrow().call(MAPPER.readTree(params));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void twoBlocksEndingAtLatest() throws Exception {
    JsonNode fh = feeHistory("[\"0x2\", \"latest\", [25, 75]]");
    assertEquals("0x1", fh.get("oldestBlock").textValue());
    // Base fees of blocks 1 and 2, then the backend's base fee for block 3 (the fake adds 7 wei).
    assertEquals(List.of("0x77359400", "0xb2d05e00", "0xb2d05e07"), texts(fh.get("baseFeePerGas")));
    assertEquals(2, fh.get("gasUsedRatio").size());
    assertEquals(42_000 / 30_000_000.0, fh.get("gasUsedRatio").get(0).doubleValue(), 1e-12);
    assertEquals(0.0, fh.get("gasUsedRatio").get(1).doubleValue());
    // 25% of 42000 gas is covered by the cheapest tx (1 gwei), 75% needs the 5 gwei one; an empty block is zeros.
    assertEquals(List.of("0x3b9aca00", "0x12a05f200"), texts(fh.get("reward").get(0)));
    assertEquals(List.of("0x0", "0x0"), texts(fh.get("reward").get(1)));
    assertEquals(List.of("0x1", "0x1", "0x1"), texts(fh.get("baseFeePerBlobGas")), "minimum blob base fee");
    assertEquals(2, fh.get("blobGasUsedRatio").size());
  }

  @Test
  void countsAndEnds() throws Exception {
    JsonNode all = feeHistory("[\"0x64\", \"0x2\"]");
    assertEquals("0x0", all.get("oldestBlock").textValue(), "cut at genesis");
    assertEquals(3, all.get("gasUsedRatio").size());
    assertEquals(4, all.get("baseFeePerGas").size());
    assertFalse(all.has("reward"), "no percentiles, no reward");
    assertEquals(feeHistory("[\"0x2\", \"latest\"]"), feeHistory("[2, \"latest\"]"));
    assertEquals(feeHistory("[\"0x2\", \"latest\"]"), feeHistory("[\"2\", \"pending\"]"));
    JsonNode none = feeHistory("[\"0x0\", \"latest\"]");
    assertEquals("0x0", none.get("oldestBlock").textValue());
    assertEquals(0, none.get("gasUsedRatio").size());
    JsonNode one = feeHistory("[\"0x1\", \"earliest\", [50]]");
    assertEquals("0x0", one.get("oldestBlock").textValue());
    // The extra entry is derived from the newest block in range (genesis here), not read from block 1, as geth.
    assertEquals(List.of("0x3b9aca00", "0x3b9aca07"), texts(one.get("baseFeePerGas")));
  }

  @Test
  void errors() {
    RpcException beyond = assertThrows(RpcException.class, () -> feeHistory("[\"0x1\", \"0x9\"]"));
    assertEquals("request beyond head block: requested 9, head 2", beyond.getMessage());
    assertEquals(-32000, assertThrows(RpcException.class, () -> feeHistory("[\"0x1\", \"latest\", [75, 25]]"))
        .code());
    assertEquals(-32000, assertThrows(RpcException.class, () -> feeHistory("[\"0x1\", \"latest\", [101]]")).code());
    assertEquals(-32602, assertThrows(RpcException.class, () -> feeHistory("[\"0x1\", \"latest\", [\"a\"]]"))
        .code());
  }
}
