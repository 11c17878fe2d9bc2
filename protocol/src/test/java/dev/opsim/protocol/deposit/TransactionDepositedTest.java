package dev.opsim.protocol.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class TransactionDepositedTest {
  private static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");
  private static final Address ALICE = Address.fromHex("0x445c250cb0b46d326f571ec6e278cc92ec984dd3");
  private static final Hash BLOCK = Hash.fromHex("0x" + "11".repeat(32));

  private static final TransactionDeposited PLAIN = new TransactionDeposited(ALICE, ALICE,
      BigInteger.valueOf(5), BigInteger.valueOf(7), 100_000, false, Bytes.fromHexString("0xdeadbeef"));

  @Test
  void topicIsTheEventSignatureHash() {
    assertEquals(dev.opsim.protocol.Keccak.hash(
            "TransactionDeposited(address,address,uint256,bytes)".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        TransactionDeposited.TOPIC);
  }

  @Test
  void logLayoutIsAbiBytesOfThePackedOpaqueData() {
    Log log = PLAIN.toLog(PORTAL);
    assertEquals(PORTAL, log.address());
    assertEquals(List.of(TransactionDeposited.TOPIC, new Hash(ALICE.toWord()), new Hash(ALICE.toWord()), Hash.ZERO),
        log.topics());
    // offset 32, length 73 + 4, then mint, value, gas, isCreation, data, zero-padded to 32
    Bytes expected = Bytes.concatenate(
        Bytes32.leftPad(Bytes.of(32)), Bytes32.leftPad(Bytes.of(77)),
        Bytes32.leftPad(Bytes.of(5)), Bytes32.leftPad(Bytes.of(7)),
        Bytes.ofUnsignedLong(100_000), Bytes.of(0), Bytes.fromHexString("0xdeadbeef"), Bytes.wrap(new byte[19]));
    assertEquals(expected, log.data());
  }

  @Test
  void derivationDepositUsesDomainZeroAndNoSystemFlag() throws DecodeException {
    DepositTx tx = TransactionDeposited.decodeDeposit(PLAIN.toLog(PORTAL), PORTAL, BLOCK, 3);
    assertEquals(SourceHash.userDeposit(BLOCK, 3), tx.sourceHash());
    assertEquals(ALICE, tx.from());
    assertEquals(Optional.of(ALICE), tx.to());
    assertFalse(tx.isSystemTx());
    assertEquals(BigInteger.valueOf(5), tx.mint());
    assertEquals(BigInteger.valueOf(7), tx.value());
    assertEquals(100_000, tx.gas());
  }

  @Test
  void anyNonZeroCreationByteMeansCreation() throws DecodeException {
    Log log = withData(PLAIN.toLog(PORTAL), d -> {
      byte[] b = d.toArray();
      b[64 + 72] = 2;
      return Bytes.wrap(b);
    });
    DepositTx tx = TransactionDeposited.decodeDeposit(log, PORTAL, BLOCK, 0);
    assertTrue(tx.isCreation());
    assertEquals(Optional.empty(), tx.to());
  }

  @Test
  void fromIsTakenAsEmittedWithoutAliasing() throws DecodeException {
    // The portal aliases contract senders before emitting (protocol-reference 3); derivation must not again.
    TransactionDeposited byContract = TransactionDeposited.fromPortalCall(
        Address.fromHex("0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A"), true, ALICE, BigInteger.ONE,
        BigInteger.ONE, 21_000, false, Bytes.EMPTY);
    // protocol-reference 1.2's example
    assertEquals(Address.fromHex("0x6B1BAE59D09fCcbdDB6C6cceb07B7279367C4E3b"), byContract.from());
    DepositTx tx = TransactionDeposited.decodeDeposit(byContract.toLog(PORTAL), PORTAL, BLOCK, 0);
    assertEquals(byContract.from(), tx.from());
    TransactionDeposited byEoa = TransactionDeposited.fromPortalCall(ALICE, false, ALICE, BigInteger.ONE,
        BigInteger.ONE, 21_000, false, Bytes.EMPTY);
    assertEquals(ALICE, byEoa.from());
  }

  @Test
  void portalRejectsCreationWithATarget() {
    assertThrows(IllegalArgumentException.class, () -> TransactionDeposited.fromPortalCall(ALICE, false, ALICE,
        BigInteger.ZERO, BigInteger.ZERO, 21_000, true, Bytes.EMPTY));
  }

  @Test
  void filterSkipsOtherEmittersAndEvents() {
    Log log = PLAIN.toLog(PORTAL);
    assertTrue(TransactionDeposited.isDepositEvent(log, PORTAL));
    assertFalse(TransactionDeposited.isDepositEvent(log, ALICE));
    assertFalse(TransactionDeposited.isDepositEvent(new Log(PORTAL, List.of(), log.data()), PORTAL));
    assertFalse(TransactionDeposited.isDepositEvent(withTopic(log, 0, Hash.ZERO), PORTAL));
  }

  @Test
  void everyLogRuleOfSection3() {
    Log good = PLAIN.toLog(PORTAL);
    assertRejected(PLAIN.toLog(ALICE), "not the deposit contract");
    assertRejected(new Log(PORTAL, good.topics().subList(0, 3), good.data()), "expected 4 topics");
    List<Hash> five = new ArrayList<>(good.topics());
    five.add(Hash.ZERO);
    assertRejected(new Log(PORTAL, five, good.data()), "expected 4 topics");
    assertRejected(withTopic(good, 0, Hash.ofLong(1)), "topic 0");
    assertRejected(withTopic(good, 3, Hash.ofLong(1)), "version");
    assertRejected(withData(good, d -> d.slice(0, 63)), "too short");
    assertRejected(withData(good, d -> Bytes.concatenate(d, Bytes.of(0))), "multiple of 32");
    assertRejected(withData(good, d -> replaceWord(d, 0, Bytes32.leftPad(Bytes.of(64)))), "offset");
    assertRejected(withData(good, d -> replaceWord(d, 0, Bytes32.fromHexString("0x" + "ff".repeat(32)))), "offset");
    assertRejected(withData(good, d -> replaceWord(d, 1, Bytes32.leftPad(Bytes.ofUnsignedInt(1000)))),
        "only 96 bytes follow");
    assertRejected(withData(good, d -> replaceWord(d, 1, Bytes32.fromHexString("0x" + "ff".repeat(32)))),
        "only 96 bytes follow");
    assertRejected(withData(good, d -> Bytes.concatenate(d, Bytes.wrap(new byte[32]))), "padding");
    // opaque data shorter than 73 bytes
    Bytes shortOpaque = Bytes.concatenate(Bytes32.leftPad(Bytes.of(32)), Bytes32.leftPad(Bytes.of(72)),
        Bytes.wrap(new byte[96]));
    assertRejected(withData(good, d -> shortOpaque), "at least 73");
  }

  @Test
  void topicAddressesAreTheirLow20Bytes() throws DecodeException {
    // op-node reads the low 20 bytes of topics 1 and 2 (common.BytesToAddress) without checking the rest.
    Hash dirty = Hash.fromHex("0xffffffffffffffffffffffff" + "445c250cb0b46d326f571ec6e278cc92ec984dd3");
    TransactionDeposited e = TransactionDeposited.fromLog(withTopic(PLAIN.toLog(PORTAL), 1, dirty), PORTAL);
    assertEquals(ALICE, e.from());
  }

  @Property
  void fromLogInvertsToLog(@ForAll("events") TransactionDeposited event) throws DecodeException {
    Log log = event.toLog(PORTAL);
    assertEquals(0, log.data().size() % 32);
    assertEquals(event, TransactionDeposited.fromLog(log, PORTAL));
  }

  @Property
  void depositToLogToDepositRoundTrips(
      @ForAll("userDeposits") DepositTx tx, @ForAll("hashes") Hash block, @ForAll long logIndex)
      throws DecodeException {
    DepositTx sourced = new DepositTx(SourceHash.userDeposit(block, logIndex), tx.from(), tx.to(), tx.mint(),
        tx.value(), tx.gas(), false, tx.data());
    Log log = TransactionDeposited.of(sourced).toLog(PORTAL);
    assertEquals(sourced, TransactionDeposited.decodeDeposit(log, PORTAL, block, logIndex));
  }

  @Property(tries = 500)
  void randomLogDataGivesAnEventOrADecodeException(
      @ForAll @Size(max = 400) byte[] data, @ForAll @IntRange(min = 0, max = 6) int topicCount,
      @ForAll boolean realTopic, @ForAll @IntRange(min = 0, max = 80) int length) {
    List<Hash> topics = new ArrayList<>();
    for (int i = 0; i < topicCount; i++) {
      topics.add(i == 0 && realTopic ? TransactionDeposited.TOPIC : Hash.ofLong(i == 3 && realTopic ? 0 : i));
    }
    decodeOrReject(new Log(PORTAL, topics, Bytes.wrap(data)));
    // A well-formed header in front of random content reaches the deeper checks.
    Bytes framed = Bytes.concatenate(Bytes32.leftPad(Bytes.of(32)), Bytes32.leftPad(Bytes.ofUnsignedInt(length)),
        Bytes.wrap(data));
    decodeOrReject(new Log(PORTAL, topics, framed));
  }

  @Property(tries = 500)
  void mutatedLogsGiveAnEventOrADecodeException(
      @ForAll("events") TransactionDeposited event,
      @ForAll @IntRange(min = 0, max = 1 << 20) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @Size(max = 40) byte[] tail) {
    Log log = event.toLog(PORTAL);
    byte[] mutated = DepositTxTest.mutate(log.data().toArray(), position, value, kind, tail);
    decodeOrReject(new Log(PORTAL, log.topics(), Bytes.wrap(mutated)));
  }

  private static void decodeOrReject(Log log) {
    try {
      TransactionDeposited.fromLog(log, PORTAL).toDepositTx(BLOCK, 0);
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Provide
  Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  @Provide
  Arbitrary<DepositTx> userDeposits() {
    return DepositTxTest.deposits();
  }

  @Provide
  Arbitrary<TransactionDeposited> events() {
    Arbitrary<Address> addresses = Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
    Arbitrary<BigInteger> uint256 =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    return Combinators.combine(addresses, addresses, uint256, uint256, Arbitraries.longs(),
            Arbitraries.of(true, false), Arbitraries.bytes().array(byte[].class).ofMaxSize(150).map(Bytes::wrap))
        .as(TransactionDeposited::new);
  }

  private static Log withTopic(Log log, int index, Hash topic) {
    List<Hash> topics = new ArrayList<>(log.topics());
    topics.set(index, topic);
    return new Log(log.address(), topics, log.data());
  }

  private static Log withData(Log log, UnaryOperator<Bytes> change) {
    return new Log(log.address(), log.topics(), change.apply(log.data()));
  }

  private static Bytes replaceWord(Bytes data, int word, Bytes32 value) {
    byte[] b = data.toArray();
    System.arraycopy(value.toArrayUnsafe(), 0, b, word * 32, 32);
    return Bytes.wrap(b);
  }

  private static void assertRejected(Log log, String expectedInMessage) {
    DecodeException e = assertThrows(DecodeException.class, () -> TransactionDeposited.fromLog(log, PORTAL));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
