package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class MessagePassedTest {
  private static final JsonNode EXPECTED =
      WithdrawalVectors.vectors().path("bridge_withdrawal_receipt").path("expected_message_passed");
  private static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  @Test
  void topicIsTheEventSignatureHash() {
    assertEquals(Keccak.hash("MessagePassed(uint256,address,address,uint256,uint256,bytes,bytes32)"
        .getBytes(StandardCharsets.US_ASCII)), MessagePassed.TOPIC);
    JsonNode receipt = WithdrawalVectors.vectors().path("bridge_withdrawal_receipt");
    assertEquals(WithdrawalVectors.hash(receipt.path("message_passed_topic0")), MessagePassed.TOPIC);
  }

  @Test
  void bridgeReceiptMessagePassedLogAsOpNodeParsesIt() throws DecodeException {
    JsonNode log = messagePassedLog();
    assertEquals(WithdrawalVectors.vectors().path("bridge_withdrawal_receipt").path("log_index_in_receipt").asInt(),
        Integer.decode(log.path("logIndex").asText()));
    MessagePassed event = MessagePassed.decode(topics(log), WithdrawalVectors.bytes(log.path("data")));
    Withdrawal w = event.withdrawal();
    assertEquals(WithdrawalVectors.big(EXPECTED.path("nonce")), w.nonce());
    assertEquals(WithdrawalVectors.address(EXPECTED.path("sender")), w.sender());
    assertEquals(WithdrawalVectors.address(EXPECTED.path("target")), w.target());
    assertEquals(WithdrawalVectors.big(EXPECTED.path("value")), w.value());
    assertEquals(WithdrawalVectors.big(EXPECTED.path("gasLimit")), w.gasLimit());
    assertEquals(WithdrawalVectors.bytes(EXPECTED.path("data")), w.data());
    Hash expectedHash = WithdrawalVectors.hash(EXPECTED.path("withdrawalHash"));
    assertEquals(expectedHash, event.withdrawalHash());
    assertEquals(expectedHash, w.hash());
    assertTrue(event.hashMatches());
  }

  @Test
  void reEncodingTheBridgeLogGivesItsExactBytes() throws DecodeException {
    JsonNode log = messagePassedLog();
    MessagePassed event = MessagePassed.decode(topics(log), WithdrawalVectors.bytes(log.path("data")));
    assertEquals(topics(log), event.topics());
    assertEquals(WithdrawalVectors.bytes(log.path("data")), event.data());
    assertEquals(event, MessagePassed.of(event.withdrawal()));
  }

  @Test
  void otherLogsOfTheReceiptAreNotMessagePassed() {
    for (JsonNode log : WithdrawalVectors.bridgeReceipt().path("logs")) {
      if (!topics(log).get(0).equals(MessagePassed.TOPIC)) {
        assertThrows(DecodeException.class,
            () -> MessagePassed.decode(topics(log), WithdrawalVectors.bytes(log.path("data"))));
      }
    }
  }

  @Test
  void rejectsMalformedLogs() throws DecodeException {
    JsonNode log = messagePassedLog();
    List<Hash> topics = topics(log);
    Bytes data = WithdrawalVectors.bytes(log.path("data"));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(topics.subList(0, 3), data));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(null, data));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(topics, null));
    List<Hash> withNull = new ArrayList<>(topics);
    withNull.set(2, null);
    assertThrows(DecodeException.class, () -> MessagePassed.decode(withNull, data));
    List<Hash> dirtySender = new ArrayList<>(topics);
    byte[] sender = topics.get(2).toArray();
    sender[0] = 1;
    dirtySender.set(2, Hash.wrap(sender));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(dirtySender, data));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(topics, data.slice(0, data.size() - 32)));
    assertThrows(DecodeException.class, () -> MessagePassed.decode(topics, Bytes.concatenate(data, Bytes.of(0))));
    byte[] padding = data.toArray();
    padding[padding.length - 1] = 1;
    assertThrows(DecodeException.class, () -> MessagePassed.decode(topics, Bytes.wrap(padding)));
    // A stated hash that does not match the fields decodes, and says so.
    byte[] wrongHash = data.toArray();
    wrongHash[3 * 32] ^= 1;
    assertTrue(!MessagePassed.decode(topics, Bytes.wrap(wrongHash)).hashMatches());
  }

  @Property(tries = 300)
  void roundTrips(@ForAll("withdrawals") Withdrawal w) throws DecodeException {
    MessagePassed event = MessagePassed.of(w);
    assertEquals(event, MessagePassed.decode(event.topics(), event.data()));
    assertTrue(event.hashMatches());
  }

  /** Decoding is strict, so anything it accepts re-encodes to the same data. */
  @Property(tries = 400)
  void damagedDataDecodesCanonicallyOrFailsCleanly(@ForAll("damagedEvents") List<Object> topicsAndData) {
    @SuppressWarnings("unchecked")
    List<Hash> topics = (List<Hash>) topicsAndData.get(0);
    Bytes data = (Bytes) topicsAndData.get(1);
    try {
      MessagePassed event = MessagePassed.decode(topics, data);
      assertEquals(data, event.data());
      assertEquals(topics, event.topics());
    } catch (DecodeException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }
  }

  @Property(tries = 500)
  void randomLogsDecodeOrFailCleanly(
      @ForAll @IntRange(max = 5) int topicCount, @ForAll @Size(max = 400) byte[] data, @ForAll boolean realTopic0) {
    List<Hash> topics = new ArrayList<>();
    for (int i = 0; i < topicCount; i++) {
      byte[] raw = new byte[32];
      raw[31] = (byte) i;
      raw[i % 20] = (byte) (i * 37);
      topics.add(i == 0 && realTopic0 ? MessagePassed.TOPIC : Hash.wrap(raw));
    }
    try {
      MessagePassed.decode(topics, Bytes.wrap(data));
    } catch (DecodeException e) {
      assertTrue(e.getMessage() != null);
    }
  }

  @Provide
  Arbitrary<Withdrawal> withdrawals() {
    return Generators.withdrawals();
  }

  @Provide
  Arbitrary<List<Object>> damagedEvents() {
    return Generators.withdrawals().map(MessagePassed::of).flatMap(event ->
        Arbitraries.oneOf(
            Mutations.of(Arbitraries.just(event.data())).map(d -> List.<Object>of(event.topics(), d)),
            damagedTopics(event).map(t -> List.<Object>of(t, event.data()))));
  }

  private static Arbitrary<List<Hash>> damagedTopics(MessagePassed event) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 31),
            Arbitraries.integers().between(1, 255))
        .as((topic, at, bits) -> {
          List<Hash> topics = new ArrayList<>(event.topics());
          byte[] raw = topics.get(topic).toArray();
          raw[at] ^= bits.byteValue();
          topics.set(topic, Hash.wrap(raw));
          return topics;
        });
  }

  private static JsonNode messagePassedLog() {
    for (JsonNode log : WithdrawalVectors.bridgeReceipt().path("logs")) {
      if (WithdrawalVectors.address(log.path("address")).equals(MESSAGE_PASSER)
          && topics(log).get(0).equals(MessagePassed.TOPIC)) {
        return log;
      }
    }
    throw new AssertionError("no MessagePassed log in the bridge receipt");
  }

  private static List<Hash> topics(JsonNode log) {
    List<Hash> topics = new ArrayList<>();
    for (JsonNode t : log.path("topics")) {
      topics.add(WithdrawalVectors.hash(t));
    }
    return topics;
  }
}
