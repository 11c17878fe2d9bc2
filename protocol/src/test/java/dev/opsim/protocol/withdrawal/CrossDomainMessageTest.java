package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class CrossDomainMessageTest {
  private static final JsonNode CASES = WithdrawalVectors.vectors().path("cross_domain_messages").path("cases");

  @Test
  void selectorsAreTheRelayMessageSignatures() {
    assertEquals(selector("relayMessage(address,address,bytes,uint256)"), CrossDomainMessage.RELAY_MESSAGE_V0_SELECTOR);
    assertEquals(selector("relayMessage(uint256,address,address,uint256,uint256,bytes)"),
        CrossDomainMessage.RELAY_MESSAGE_V1_SELECTOR);
  }

  @Test
  void encodeV0AsStated() throws DecodeException {
    JsonNode c = fixture("encode-v0");
    CrossDomainMessage m = message(c);
    Bytes expected = WithdrawalVectors.bytes(c.path("expectedEncoding"));
    assertEquals(0, m.version());
    assertEquals(expected, m.encode());
    assertEquals(expected, m.encodeV0());
    // v0 calldata carries neither value nor gas limit.
    CrossDomainMessage decoded = CrossDomainMessage.decode(expected);
    assertEquals(m.nonce(), decoded.nonce());
    assertEquals(m.sender(), decoded.sender());
    assertEquals(m.target(), decoded.target());
    assertEquals(m.data(), decoded.data());
    assertEquals(BigInteger.ZERO, decoded.value());
    assertEquals(BigInteger.ZERO, decoded.gasLimit());
    assertEquals(expected, decoded.encode());
  }

  @Test
  void encodeV1AsStated() throws DecodeException {
    JsonNode c = fixture("encode-v1");
    CrossDomainMessage m = message(c);
    Bytes expected = WithdrawalVectors.bytes(c.path("expectedEncoding"));
    assertEquals(1, m.version());
    assertEquals(expected, m.encode());
    assertEquals(expected, m.encodeV1());
    assertEquals(Keccak.hash(expected), m.hash());
    assertEquals(m, CrossDomainMessage.decode(expected));
  }

  @Test
  void hashV0AsStated() {
    JsonNode c = fixture("hash-v0");
    CrossDomainMessage m = message(c);
    assertEquals(WithdrawalVectors.hash(c.path("expectedHash")), m.hash());
    assertEquals(WithdrawalVectors.hash(c.path("expectedHash")), m.hashV0());
  }

  @Test
  void everyFixtureCaseIsCovered() {
    assertEquals(3, CASES.size());
  }

  @Test
  void theBridgeWithdrawalCarriesAV1MessageMatchingItsSentMessageLog() throws DecodeException {
    // The MessagePassed data is the L2CrossDomainMessenger's v1 relayMessage call; the same receipt's
    // SentMessage(target indexed, sender, message, messageNonce, gasLimit) log (index 4) states its fields.
    JsonNode expected = WithdrawalVectors.vectors().path("bridge_withdrawal_receipt").path("expected_message_passed");
    CrossDomainMessage m = CrossDomainMessage.decode(WithdrawalVectors.bytes(expected.path("data")));
    JsonNode sent = WithdrawalVectors.bridgeReceipt().path("logs").get(4);
    assertEquals("0xcb0f7ffd78f9aee47a248fae8db181db6eee833039123e026dcbff529522e52a",
        sent.path("topics").get(0).asText());
    Bytes sentData = WithdrawalVectors.bytes(sent.path("data"));
    assertEquals(Address.fromWord(WithdrawalVectors.hash(sent.path("topics").get(1)).bytes()), m.target());
    assertEquals(Address.fromWord(Bytes32.wrap(sentData.slice(0, 32))), m.sender());
    assertEquals(new BigInteger(1, sentData.slice(64, 32).toArrayUnsafe()), m.nonce());
    assertEquals(new BigInteger(1, sentData.slice(96, 32).toArrayUnsafe()), m.gasLimit());
    int length = new BigInteger(1, sentData.slice(128, 32).toArrayUnsafe()).intValueExact();
    assertEquals(sentData.slice(160, length), m.data());
    assertEquals(1, m.version());
    assertEquals(BigInteger.ZERO, m.value());
    // finalizeBridgeERC20 (9.6 selector 0x0166a07a) from L2StandardBridge (0x4200…0010).
    assertEquals(Bytes.fromHexString("0x0166a07a"), m.data().slice(0, 4));
    assertEquals(Address.fromHex("0x4200000000000000000000000000000000000010"), m.sender());
  }

  @Test
  void rejectsMalformedCalldata() {
    Bytes v1 = message(fixture("encode-v1")).encodeV1();
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.fromHexString("0xd764ad")));
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(null));
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.fromHexString("0x12345678")));
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(v1.slice(0, v1.size() - 1)));
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.concatenate(v1, Bytes.of(0))));
    // A dirty byte above the sender address (offset 4 + 32).
    byte[] dirty = v1.toArray();
    dirty[36] = 1;
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.wrap(dirty)));
    // A non-canonical bytes offset (0xe0 instead of 0xc0).
    byte[] offset = v1.toArray();
    offset[4 + 5 * 32 + 31] = (byte) 0xe0;
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.wrap(offset)));
    // A length far beyond the data.
    byte[] length = v1.toArray();
    length[4 + 6 * 32] = 0x7f;
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.wrap(length)));
  }

  @Test
  void rejectsVersionsAboveOne() {
    BigInteger versionTwo = new VersionedNonce(2, BigInteger.ONE).encode();
    Address a = Address.ZERO;
    assertThrows(IllegalArgumentException.class,
        () -> new CrossDomainMessage(versionTwo, a, a, BigInteger.ZERO, BigInteger.ZERO, Bytes.EMPTY));
    byte[] calldata = message(fixture("encode-v1")).encodeV1().toArray();
    calldata[5] = 2;
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(Bytes.wrap(calldata)));
  }

  @Test
  void legacyCalldataMustCarryALegacyNonce() {
    CrossDomainMessage current = message(fixture("encode-v1"));
    assertThrows(DecodeException.class, () -> CrossDomainMessage.decode(current.encodeV0()));
  }

  @Property(tries = 300)
  void v1CalldataRoundTripsForEveryVersion(@ForAll("messages") CrossDomainMessage m) throws DecodeException {
    assertEquals(m, CrossDomainMessage.decode(m.encodeV1()));
    assertEquals(Keccak.hash(m.encodeV1()), m.hashV1());
    assertEquals(Keccak.hash(m.encode()), m.hash());
  }

  @Property(tries = 300)
  void ownVersionRoundTrips(@ForAll("messages") CrossDomainMessage m) throws DecodeException {
    CrossDomainMessage decoded = CrossDomainMessage.decode(m.encode());
    if (m.version() == 1) {
      assertEquals(m, decoded);
    } else {
      assertEquals(new CrossDomainMessage(m.nonce(), m.sender(), m.target(), BigInteger.ZERO, BigInteger.ZERO,
          m.data()), decoded);
      assertEquals(m.hash(), decoded.hash());
    }
  }

  /** Decoding is strict, so anything it accepts is the canonical encoding of what it returns. */
  @Property(tries = 400)
  void damagedCalldataDecodesCanonicallyOrFailsCleanly(@ForAll("damaged") Bytes calldata) {
    try {
      CrossDomainMessage m = CrossDomainMessage.decode(calldata);
      boolean v0 = calldata.slice(0, 4).equals(CrossDomainMessage.RELAY_MESSAGE_V0_SELECTOR);
      assertEquals(calldata, v0 ? m.encodeV0() : m.encodeV1());
    } catch (DecodeException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }
  }

  @Property(tries = 500)
  void randomCalldataDecodesOrFailsCleanly(@ForAll("randomCalldata") Bytes calldata) {
    try {
      CrossDomainMessage.decode(calldata);
    } catch (DecodeException e) {
      assertTrue(e.getMessage() != null);
    }
  }

  @Provide
  Arbitrary<CrossDomainMessage> messages() {
    return Generators.messages();
  }

  @Provide
  Arbitrary<Bytes> damaged() {
    return Mutations.of(Generators.messages().flatMap(m -> Arbitraries.of(m.encodeV1(), m.encode())));
  }

  @Provide
  Arbitrary<Bytes> randomCalldata() {
    Arbitrary<Bytes> selector = Arbitraries.of(
        CrossDomainMessage.RELAY_MESSAGE_V0_SELECTOR, CrossDomainMessage.RELAY_MESSAGE_V1_SELECTOR, Bytes.EMPTY);
    Arbitrary<Bytes> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(400).map(Bytes::wrap);
    return Combinators.combine(selector, body).as(Bytes::concatenate);
  }

  private static JsonNode fixture(String name) {
    for (JsonNode c : CASES) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("fixture case missing: " + name);
  }

  private static CrossDomainMessage message(JsonNode c) {
    return new CrossDomainMessage(
        WithdrawalVectors.big(c.path("versionedNonce")),
        WithdrawalVectors.address(c.path("sender")),
        WithdrawalVectors.address(c.path("target")),
        WithdrawalVectors.big(c.path("value")),
        WithdrawalVectors.big(c.path("gasLimit")),
        WithdrawalVectors.bytes(c.path("data")));
  }

  private static Bytes selector(String signature) {
    return Keccak.hash(signature.getBytes(StandardCharsets.US_ASCII)).prefix(4);
  }
}
