package dev.opsim.protocol.deposit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of fixtures/op/deposits/deposit-vectors.json. */
class DepositVectorsTest {
  /** The fixture logs carry no emitter; the test plays a portal at this address. */
  private static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");

  static JsonNode vectors() {
    try {
      return new ObjectMapper().readTree(Fixtures.text("op/deposits/deposit-vectors.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<JsonNode> sourceHashes() {
    return stream(vectors().get("source_hashes"));
  }

  static Stream<JsonNode> depositTxs() {
    return stream(vectors().get("deposit_txs"));
  }

  static Stream<JsonNode> depositLogs() {
    return stream(vectors().get("transaction_deposited_logs"));
  }

  @ParameterizedTest
  @MethodSource("sourceHashes")
  void sourceHashMatchesTheStatedValue(JsonNode v) {
    Hash expected = Hash.fromHex(v.get("sourceHash").textValue());
    Hash actual = switch (v.get("domain").intValue()) {
      case 0 -> SourceHash.userDeposit(Hash.fromHex(v.get("l1BlockHash").textValue()), v.get("logIndex").longValue());
      case 1 -> SourceHash.l1Info(Hash.fromHex(v.get("l1BlockHash").textValue()), v.get("seqNumber").longValue());
      case 2 -> SourceHash.upgrade(v.get("intent").textValue());
      case 3 -> SourceHash.afterForceInclude(
          Hash.fromHex(v.get("l1BlockHash").textValue()), v.get("seqNumber").longValue());
      default -> throw new AssertionError("unknown domain in fixture: " + v);
    };
    assertEquals(expected, actual, v.get("kind").textValue());
  }

  @ParameterizedTest
  @MethodSource("depositTxs")
  void depositTxDecodesToTheStatedFieldsAndReencodesByteExactly(JsonNode v) throws Exception {
    byte[] raw = Hex.decode(v.get("raw").textValue());
    DepositTx tx = DepositTx.decode(raw);
    assertDecoded(v.get("decoded"), tx);
    assertArrayEquals(raw, tx.encode());
    if (v.has("txHash")) {
      assertEquals(Hash.fromHex(v.get("txHash").textValue()), tx.hash(), "hash stated by the source");
    } else {
      assertEquals(Hash.fromHex(v.get("txHash_computed").textValue()), tx.hash(), "collector's computed hash");
    }
  }

  @ParameterizedTest
  @MethodSource("depositLogs")
  void depositLogDecodesAsTheSourceStates(JsonNode v) throws Exception {
    List<Hash> topics = new ArrayList<>();
    v.get("topics").forEach(t -> topics.add(Hash.fromHex(t.textValue())));
    Log log = new Log(PORTAL, topics, Bytes.fromHexString(v.get("data").textValue()));
    Hash blockHash = Hash.fromHex(v.get("l1BlockHash").textValue());
    long logIndex = v.get("logIndex").longValue();
    assertTrue(TransactionDeposited.isDepositEvent(log, PORTAL));
    TransactionDeposited event = TransactionDeposited.fromLog(log, PORTAL);
    DepositTx tx = event.toDepositTx(blockHash, logIndex);
    assertEquals(tx, TransactionDeposited.decodeDeposit(log, PORTAL, blockHash, logIndex));
    if (v.has("expectedDepositTx")) {
      assertArrayEquals(Hex.decode(v.get("expectedDepositTx").textValue()), tx.encode());
    }
    if (v.has("expectedDecoded")) {
      JsonNode e = v.get("expectedDecoded");
      assertEquals(Address.fromHex(e.get("from").textValue()), tx.from());
      assertEquals(Optional.of(Address.fromHex(e.get("to").textValue())), tx.to());
      assertEquals(e.get("mint").bigIntegerValue(), tx.mint());
      assertEquals(e.get("value").bigIntegerValue(), tx.value());
      assertEquals(e.get("gas").longValue(), tx.gas());
      assertEquals(e.get("isCreation").booleanValue(), tx.isCreation());
    }
    assertFalse(tx.isSystemTx());
    assertEquals(SourceHash.userDeposit(blockHash, logIndex), tx.sourceHash());
    // The collector assembled the data with minimal padding, so the event re-encodes to the same log.
    assertEquals(log, event.toLog(PORTAL));
  }

  static void assertDecoded(JsonNode d, DepositTx tx) {
    assertEquals(Hash.fromHex(d.get("sourceHash").textValue()), tx.sourceHash());
    assertEquals(Address.fromHex(d.get("from").textValue()), tx.from());
    JsonNode to = d.get("to");
    assertEquals(to.isNull() ? Optional.empty() : Optional.of(Address.fromHex(to.textValue())), tx.to());
    assertEquals(d.get("mint").bigIntegerValue(), tx.mint());
    assertEquals(d.get("value").bigIntegerValue(), tx.value());
    assertEquals(d.get("gas").longValue(), tx.gas());
    assertEquals(d.get("isSystemTx").booleanValue(), tx.isSystemTx());
    assertEquals(d.get("dataLength").intValue(), tx.data().size());
    assertEquals(Bytes.fromHexString(d.get("dataPrefix").textValue()), tx.data().slice(0, 4));
    assertEquals(Hash.fromHex(d.get("dataKeccak").textValue()), Keccak.hash(tx.data()));
  }

  static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }
}
