package dev.opsim.protocol.l1info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.deposit.SourceHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of fixtures/op/l1-info: the calldata vectors and the hildr block's L1 info deposit. */
class L1InfoVectorsTest {

  static JsonNode json(String path) {
    try {
      return new ObjectMapper().readTree(Fixtures.text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<JsonNode> calldata() {
    List<JsonNode> list = new ArrayList<>();
    json("op/l1-info/l1-info-vectors.json").get("calldata").forEach(list::add);
    return list.stream();
  }

  @ParameterizedTest
  @MethodSource("calldata")
  void calldataDecodesToTheStatedValuesAndReencodes(JsonNode v) throws Exception {
    byte[] raw = Hex.decode(v.get("calldata").textValue());
    L1BlockInfo info = L1BlockInfo.decode(raw);
    assertArrayEquals(raw, info.encode(), "re-encoding gives the original bytes");
    JsonNode stated = v.has("expected") ? v.get("expected") : v.get("expected_partial");
    assertFields(stated, info);
    assertFields(v.get("decoded_by_collector"), info);
  }

  /** Checks each field the JSON object names against the decoded value. */
  private static void assertFields(JsonNode expected, L1BlockInfo info) {
    for (var it = expected.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode want = e.getValue();
      String field = e.getKey();
      Object actual = switch (field) {
        case "selector" -> Bytes.ofUnsignedInt(info.layout().selector() & 0xFFFFFFFFL).toHexString();
        case "number" -> info.number();
        case "timestamp" -> info.timestamp();
        case "basefee" -> info.baseFee();
        case "hash" -> info.hash().toString();
        case "sequenceNumber" -> info.sequenceNumber();
        case "batcherAddress" -> info.batcherAddress().toString();
        case "batcherHash" -> info.batcherHash().toString();
        case "l1FeeOverhead" -> ((BedrockL1BlockInfo) info).l1FeeOverhead().toUnsignedBigInteger();
        case "l1FeeScalar" -> ((BedrockL1BlockInfo) info).l1FeeScalar().toUnsignedBigInteger();
        case "blobBaseFee" -> switch (info) {
          case EcotoneL1BlockInfo x -> x.blobBaseFee();
          case IsthmusL1BlockInfo x -> x.blobBaseFee();
          default -> throw new AssertionError("no blob base fee in " + info.layout());
        };
        case "baseFeeScalar" -> switch (info) {
          case EcotoneL1BlockInfo x -> x.baseFeeScalar();
          case IsthmusL1BlockInfo x -> x.baseFeeScalar();
          default -> throw new AssertionError("no base fee scalar in " + info.layout());
        };
        case "blobBaseFeeScalar" -> switch (info) {
          case EcotoneL1BlockInfo x -> x.blobBaseFeeScalar();
          case IsthmusL1BlockInfo x -> x.blobBaseFeeScalar();
          default -> throw new AssertionError("no blob base fee scalar in " + info.layout());
        };
        case "operatorFeeScalar" -> ((IsthmusL1BlockInfo) info).operatorFeeScalar();
        case "operatorFeeConstant" -> ((IsthmusL1BlockInfo) info).operatorFeeConstant();
        default -> throw new AssertionError("fixture field not checked: " + field);
      };
      Object expectedValue = switch (actual) {
        case Long l -> want.longValue();
        case BigInteger b -> want.bigIntegerValue();
        default -> want.textValue();
      };
      assertEquals(expectedValue, actual, field);
    }
  }

  @Test
  void hildrBlockL1InfoDepositHasItsStatedHashAndOrigin() throws Exception {
    JsonNode file = json("op/l1-info/hildr_bedrock_raw_block.txt");
    JsonNode tx0 = file.get("test_block_data").get("transactions").get(0);
    // The RPC view has no isSystemTx field; the block is post-Regolith (gas 1,000,000), so it is false.
    DepositTx tx = new DepositTx(
        Hash.fromHex(tx0.get("sourceHash").textValue()),
        Address.fromHex(tx0.get("from").textValue()),
        Optional.of(Address.fromHex(tx0.get("to").textValue())),
        quantity(tx0.get("mint")),
        quantity(tx0.get("value")),
        quantity(tx0.get("gas")).longValueExact(),
        false,
        Bytes.fromHexString(tx0.get("input").textValue()));
    assertEquals(Hash.fromHex(tx0.get("hash").textValue()), tx.hash());
    assertEquals(tx, DepositTx.decode(tx.encode()));

    L1BlockInfo info = L1BlockInfo.decode(tx.data().toArray());
    assertInstanceOf(BedrockL1BlockInfo.class, info);
    assertEquals(Hash.fromHex(file.get("assert_l1_block_hash").textValue()), info.hash());
    assertEquals(Long.parseLong(file.get("assert_l1_block_number").textValue()), info.number());
    assertEquals(Long.parseLong(file.get("assert_l1_block_timestamp").textValue()), info.timestamp());
    assertEquals(SourceHash.l1Info(info.hash(), info.sequenceNumber()), tx.sourceHash());
    assertArrayEquals(tx.data().toArray(), info.encode());
    // collector checks, named as such
    JsonNode collector = json("op/l1-info/l1-info-vectors.json").get("block_files").get(0).get("collector_checks");
    assertFields(collector.get("l1info_decoded"), info);
    assertEquals(Hash.fromHex(collector.get("deposit_tx_hash_recomputed_from_fields").textValue()), tx.hash());
  }

  private static BigInteger quantity(JsonNode hexQuantity) {
    return new BigInteger(hexQuantity.textValue().substring(2), 16);
  }
}
