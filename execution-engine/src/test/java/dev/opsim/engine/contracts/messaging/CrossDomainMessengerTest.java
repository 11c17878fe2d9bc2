package dev.opsim.engine.contracts.messaging;

import static dev.opsim.engine.contracts.messaging.MessagingWorld.ALIASED_L1_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ALICE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.BOB;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.DEAD;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.DEPLOYER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ESTIMATION;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ETHER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L1_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L2_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.MESSAGE_PASSER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.RELAYER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.addr;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.assertReverts;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.contractArtifact;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.decode;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.dyn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.fn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.logs;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.mappingSlot;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ok;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.onlyLog;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.testArtifact;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.topic;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.u32;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.withdrawal.CrossDomainMessage;
import dev.opsim.protocol.withdrawal.MessengerBaseGas;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * L1CrossDomainMessenger and L2CrossDomainMessenger on our EVM (protocol-reference 9): sending, relaying both ways,
 * replay of failed messages, and every refusal. Expected hashes and encodings come from the protocol module's
 * CrossDomainMessage and MessengerBaseGas and from web3j, not from the contracts.
 */
class CrossDomainMessengerTest {
  private static final BigInteger VERSION_1 = BigInteger.ONE.shiftLeft(240);
  private static final long MIN_GAS = 100_000;
  private static final Hash SENT_MESSAGE = topic("SentMessage",
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
      new TypeReference<org.web3j.abi.datatypes.Address>() {}, new TypeReference<DynamicBytes>() {},
      new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
  private static final Hash SENT_MESSAGE_EXTENSION1 = topic("SentMessageExtension1",
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {}, new TypeReference<Uint256>() {});
  private static final Hash RELAYED = topic("RelayedMessage", new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(true) {});
  private static final Hash FAILED = topic("FailedRelayedMessage", new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(true) {});
  static final Hash DEPOSIT_RECORDED = topic("DepositRecorded",
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {}, new TypeReference<Uint256>() {},
      new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}, new TypeReference<Bool>() {},
      new TypeReference<DynamicBytes>() {});
  static final Hash WITHDRAWAL_RECORDED = topic("WithdrawalRecorded",
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
      new TypeReference<org.web3j.abi.datatypes.Address>(true) {}, new TypeReference<Uint256>() {},
      new TypeReference<Uint256>() {}, new TypeReference<DynamicBytes>() {});

  private final MessagingWorld world = new MessagingWorld();

  /** A deposit the portal recorded: what derivation would turn into a deposit transaction on L2. */
  record Deposit(Address from, Address to, BigInteger mint, BigInteger value, long gasLimit, boolean isCreation,
      Bytes data) {}

  /** A withdrawal the message passer recorded. */
  record Withdrawal(Address sender, Address target, BigInteger value, long gasLimit, Bytes data) {}

  static Deposit deposit(TxResult.Executed result, Address portal) {
    Log log = onlyLog(result, portal, DEPOSIT_RECORDED);
    List<Type> data = decode(log.data(), new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
        new TypeReference<Uint64>() {}, new TypeReference<Bool>() {}, new TypeReference<DynamicBytes>() {});
    return new Deposit(Address.fromWord(Bytes32.wrap(log.topics().get(1).bytes())),
        Address.fromWord(Bytes32.wrap(log.topics().get(2).bytes())), (BigInteger) data.get(0).getValue(),
        (BigInteger) data.get(1).getValue(), ((BigInteger) data.get(2).getValue()).longValueExact(),
        (Boolean) data.get(3).getValue(), Bytes.wrap((byte[]) data.get(4).getValue()));
  }

  static Withdrawal withdrawal(TxResult.Executed result) {
    Log log = onlyLog(result, MESSAGE_PASSER, WITHDRAWAL_RECORDED);
    List<Type> data = decode(log.data(), new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
        new TypeReference<DynamicBytes>() {});
    return new Withdrawal(Address.fromWord(Bytes32.wrap(log.topics().get(1).bytes())),
        Address.fromWord(Bytes32.wrap(log.topics().get(2).bytes())), (BigInteger) data.get(0).getValue(),
        ((BigInteger) data.get(1).getValue()).longValueExact(), Bytes.wrap((byte[]) data.get(2).getValue()));
  }

  /** Delivers a deposit as derivation does: a transaction from the aliased L1 messenger with the deposit gas. */
  static TxResult.Executed deliver(MessagingWorld world, Deposit deposit) {
    assertEquals(L1_MESSENGER, deposit.from());
    return world.send(ALIASED_L1_MESSENGER, deposit.to(), deposit.value(), deposit.data(), deposit.gasLimit());
  }

  /** Finalizes a withdrawal as the portal does: calls the L1 messenger with l2Sender set to the L2 sender. */
  static boolean finalizeOnL1(MessagingWorld world, Withdrawal withdrawal) {
    world.fund(world.portal, world.balance(world.portal).add(withdrawal.value()));
    TxResult.Executed result = ok(world.send(RELAYER, world.portal, fn("finalizeWithdrawal", addr(withdrawal.sender()),
        addr(withdrawal.target()), uint(withdrawal.value()), uint(withdrawal.gasLimit()), dyn(withdrawal.data()))));
    return (Boolean) decode(result.output(), new TypeReference<Bool>() {}).get(0).getValue();
  }

  private Address recipient(Address messenger) {
    return world.deploy(testArtifact("MessagingTestRecipient"),
        Bytes.fromHexString(org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(addr(messenger)))));
  }

  private static Bytes payload(int n) {
    return fn("receiveMessage", new org.web3j.abi.datatypes.generated.Bytes32(Bytes32.leftPad(Bytes.of(n))
        .toArrayUnsafe()));
  }

  private Bytes sendMessage(Address messenger, Address target, Bytes message, long minGas) {
    return fn("sendMessage", addr(target), dyn(message), u32(minGas));
  }

  private static Bytes relay(CrossDomainMessage m) {
    return m.encodeV1();
  }

  @Test
  void l1ToL2MessageIsSentThroughThePortalAndRelayedFromTheAliasedMessenger() {
    Address target = recipient(L2_MESSENGER);
    Bytes message = payload(7);
    BigInteger value = ETHER.divide(BigInteger.TWO);
    BigInteger nonce = world.uintAt(L1_MESSENGER, fn("messageNonce"));
    assertEquals(VERSION_1, nonce, "first nonce: version 1, counter 0");

    TxResult.Executed sent = ok(world.send(ALICE, L1_MESSENGER, value, sendMessage(L1_MESSENGER, target, message,
        MIN_GAS)));
    Log sentLog = onlyLog(sent, L1_MESSENGER, SENT_MESSAGE);
    assertEquals(MessagingWorld.topic(target), sentLog.topics().get(1));
    List<Type> fields = decode(sentLog.data(), new TypeReference<org.web3j.abi.datatypes.Address>() {},
        new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
    assertEquals(ALICE, Address.fromHex((String) fields.get(0).getValue()));
    assertEquals(message, Bytes.wrap((byte[]) fields.get(1).getValue()));
    assertEquals(nonce, fields.get(2).getValue());
    assertEquals(BigInteger.valueOf(MIN_GAS), fields.get(3).getValue());
    Log extension = onlyLog(sent, L1_MESSENGER, SENT_MESSAGE_EXTENSION1);
    assertEquals(MessagingWorld.topic(ALICE), extension.topics().get(1));
    assertEquals(value, decode(extension.data(), new TypeReference<Uint256>() {}).get(0).getValue());

    CrossDomainMessage expected =
        new CrossDomainMessage(nonce, ALICE, target, value, BigInteger.valueOf(MIN_GAS), message);
    Deposit deposit = deposit(sent, world.portal);
    assertEquals(new Deposit(L1_MESSENGER, L2_MESSENGER, value, value,
        MessengerBaseGas.EIP_7623.baseGas(message.size(), MIN_GAS), false, expected.encodeV1()), deposit);
    assertEquals(value, world.balance(world.portal), "the portal holds the deposited ETH");
    assertEquals(nonce.add(BigInteger.ONE), world.uintAt(L1_MESSENGER, fn("messageNonce")));

    // The deposit's gas limit (baseGas) is enough to deliver the message with its minimum gas.
    TxResult.Executed relayed = ok(deliver(world, deposit));
    Log relayedLog = onlyLog(relayed, L2_MESSENGER, RELAYED);
    assertEquals(expected.hashV1(), relayedLog.topics().get(1));
    assertTrue(world.boolAt(L2_MESSENGER, fn("successfulMessages", bytes32(expected.hashV1()))));
    assertFalse(world.boolAt(L2_MESSENGER, fn("failedMessages", bytes32(expected.hashV1()))));
    assertEquals(ALICE, world.addressAt(target, fn("lastSender")), "xDomainMessageSender during the call");
    assertEquals(value, world.uintAt(target, fn("lastValue")));
    assertEquals(value, world.balance(target));
    // Storage layout of OP's CrossDomainMessenger: successfulMessages at slot 203, xDomainMsgSender at 204.
    assertEquals(UInt256.ONE, world.storage(L2_MESSENGER, mappingSlot(Bytes32.wrap(expected.hashV1().bytes()), 203)));
    assertEquals(UInt256.fromBytes(DEAD.toWord()), world.storage(L2_MESSENGER, UInt256.valueOf(204)));
  }

  @Test
  void l2ToL1MessageIsSentThroughTheMessagePasserAndRelayedFromThePortal() {
    Address target = recipient(L1_MESSENGER);
    Bytes message = payload(9);
    BigInteger value = BigInteger.valueOf(12345);
    BigInteger nonce = world.uintAt(L2_MESSENGER, fn("messageNonce"));

    TxResult.Executed sent = ok(world.send(ALICE, L2_MESSENGER, value, sendMessage(L2_MESSENGER, target, message,
        MIN_GAS)));
    Withdrawal withdrawal = withdrawal(sent);
    CrossDomainMessage expected =
        new CrossDomainMessage(nonce, ALICE, target, value, BigInteger.valueOf(MIN_GAS), message);
    assertEquals(new Withdrawal(L2_MESSENGER, L1_MESSENGER, value,
        MessengerBaseGas.EIP_7623.baseGas(message.size(), MIN_GAS), expected.encodeV1()), withdrawal);
    assertEquals(value, world.balance(MESSAGE_PASSER));
    onlyLog(sent, L2_MESSENGER, SENT_MESSAGE);

    assertTrue(finalizeOnL1(world, withdrawal));
    assertTrue(world.boolAt(L1_MESSENGER, fn("successfulMessages", bytes32(expected.hashV1()))));
    assertEquals(ALICE, world.addressAt(target, fn("lastSender")));
    assertEquals(value, world.balance(target));
  }

  @Test
  void relaysFromAnyoneButTheTransportAreOnlyReplaysOfFailedMessages() {
    Address target = recipient(L2_MESSENGER);
    CrossDomainMessage m = new CrossDomainMessage(VERSION_1, ALICE, target, BigInteger.ZERO,
        BigInteger.valueOf(MIN_GAS), payload(1));
    assertReverts(world.send(BOB, L2_MESSENGER, relay(m)), "CrossDomainMessenger: message cannot be replayed");
    // Another L1 contract's alias is not the L1 messenger.
    Address otherAlias = BOB.applyL1ToL2Alias();
    world.fund(otherAlias, ETHER);
    assertReverts(world.send(otherAlias, L2_MESSENGER, relay(m)), "CrossDomainMessenger: message cannot be replayed");
    assertReverts(world.send(BOB, L1_MESSENGER, relay(m)), "CrossDomainMessenger: message cannot be replayed");
    assertEquals(BigInteger.ZERO, world.uintAt(target, fn("calls")));

    // On L1 the portal only counts when its l2Sender is the L2 messenger.
    Address l1Target = recipient(L1_MESSENGER);
    CrossDomainMessage l1m = new CrossDomainMessage(VERSION_1, ALICE, l1Target, BigInteger.ZERO,
        BigInteger.valueOf(MIN_GAS), payload(2));
    assertFalse(finalizeOnL1(world, new Withdrawal(BOB, L1_MESSENGER, BigInteger.ZERO, 1_000_000, relay(l1m))));
    assertEquals(BigInteger.ZERO, world.uintAt(l1Target, fn("calls")));
    assertTrue(finalizeOnL1(world, new Withdrawal(L2_MESSENGER, L1_MESSENGER, BigInteger.ZERO, 1_000_000,
        relay(l1m))));
    assertEquals(BigInteger.ONE, world.uintAt(l1Target, fn("calls")));
  }

  /** Sends an L1 → L2 message and returns the deposit the portal recorded. */
  private Deposit sendL1(Address from, BigInteger value, Address target, Bytes message, long minGas) {
    return deposit(ok(world.send(from, L1_MESSENGER, value, sendMessage(L1_MESSENGER, target, message, minGas))),
        world.portal);
  }

  private static CrossDomainMessage decodeRelay(Deposit deposit) {
    try {
      return CrossDomainMessage.decode(deposit.data());
    } catch (dev.opsim.protocol.DecodeException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertPanic(TxResult.Executed result, int code) {
    assertFalse(result.success());
    assertEquals(Bytes.concatenate(Bytes.fromHexString("0x4e487b71"), UInt256.valueOf(code)), result.output());
  }

  @Test
  void aSuccessfulMessageCannotBeRelayedTwice() {
    Address target = recipient(L2_MESSENGER);
    Deposit deposit = sendL1(ALICE, BigInteger.ONE, target, payload(3), MIN_GAS);
    ok(deliver(world, deposit));
    world.fund(ALIASED_L1_MESSENGER, world.balance(ALIASED_L1_MESSENGER).add(BigInteger.ONE));
    assertReverts(deliver(world, deposit), "CrossDomainMessenger: message has already been relayed");
    assertReverts(world.send(BOB, L2_MESSENGER, deposit.data()), "CrossDomainMessenger: message cannot be replayed");
    assertEquals(BigInteger.ONE, world.uintAt(target, fn("calls")));
  }

  @Test
  void aFailedMessageKeepsItsValueAndAnyoneCanReplayItLater() {
    Address target = recipient(L2_MESSENGER);
    ok(world.send(DEPLOYER, target, fn("setFailing", new Bool(true))));
    BigInteger value = ETHER;
    Deposit deposit = sendL1(ALICE, value, target, payload(4), MIN_GAS);
    Hash hash = decodeRelay(deposit).hashV1();

    TxResult.Executed failed = ok(deliver(world, deposit));
    assertEquals(hash, onlyLog(failed, L2_MESSENGER, FAILED).topics().get(1));
    assertTrue(logs(failed, L2_MESSENGER, RELAYED).isEmpty());
    assertTrue(world.boolAt(L2_MESSENGER, fn("failedMessages", bytes32(hash))));
    assertFalse(world.boolAt(L2_MESSENGER, fn("successfulMessages", bytes32(hash))));
    assertEquals(value, world.balance(L2_MESSENGER), "the messenger keeps the value for a replay");
    // The failed-message mapping is at slot 206 of OP's layout.
    assertEquals(UInt256.ONE, world.storage(L2_MESSENGER, mappingSlot(Bytes32.wrap(hash.bytes()), 206)));

    // The transport never delivers the same message twice: a second delivery is an invariant violation.
    world.fund(ALIASED_L1_MESSENGER, world.balance(ALIASED_L1_MESSENGER).add(value));
    assertPanic(deliver(world, deposit), 1);
    // A replay carries no value; the value is already in the messenger.
    assertReverts(world.send(BOB, L2_MESSENGER, BigInteger.ONE, deposit.data()),
        "CrossDomainMessenger: value must be zero unless message is from a system address");
    // Still failing: the replay records the failure again and does not revert.
    TxResult.Executed failedAgain = ok(world.send(BOB, L2_MESSENGER, deposit.data()));
    onlyLog(failedAgain, L2_MESSENGER, FAILED);

    ok(world.send(DEPLOYER, target, fn("setFailing", new Bool(false))));
    TxResult.Executed replayed = ok(world.send(BOB, L2_MESSENGER, deposit.data()));
    assertEquals(hash, onlyLog(replayed, L2_MESSENGER, RELAYED).topics().get(1));
    assertEquals(ALICE, world.addressAt(target, fn("lastSender")), "the original sender, not the replayer");
    assertEquals(value, world.balance(target));
    assertEquals(BigInteger.ZERO, world.balance(L2_MESSENGER));
    assertTrue(world.boolAt(L2_MESSENGER, fn("successfulMessages", bytes32(hash))));
    assertReverts(world.send(BOB, L2_MESSENGER, deposit.data()),
        "CrossDomainMessenger: message has already been relayed");
  }

  @Test
  void xDomainMessageSenderRevertsOutsideARelay() {
    for (Address messenger : List.of(L1_MESSENGER, L2_MESSENGER)) {
      assertReverts(world.send(BOB, messenger, fn("xDomainMessageSender")),
          "CrossDomainMessenger: xDomainMessageSender is not set");
    }
  }

  @Test
  void theTransportMustDeliverTheMessageValue() {
    Address target = recipient(L2_MESSENGER);
    Deposit deposit = sendL1(ALICE, BigInteger.TEN, target, payload(5), MIN_GAS);
    TxResult.Executed wrongValue = world.send(ALIASED_L1_MESSENGER, L2_MESSENGER, BigInteger.ONE, deposit.data(),
        deposit.gasLimit());
    assertPanic(wrongValue, 1);
    assertEquals(BigInteger.ZERO, world.uintAt(target, fn("calls")));
  }

  @Test
  void messagesToTheMessengerOrTheTransportAreRefused() {
    for (Address blocked : List.of(L2_MESSENGER, MESSAGE_PASSER)) {
      Deposit deposit = sendL1(ALICE, BigInteger.ZERO, blocked, Bytes.fromHexString("0x1234"), MIN_GAS);
      assertReverts(deliver(world, deposit), "CrossDomainMessenger: cannot send message to blocked system address");
    }
    for (Address blocked : List.of(L1_MESSENGER, world.portal)) {
      CrossDomainMessage m = new CrossDomainMessage(VERSION_1, ALICE, blocked, BigInteger.ZERO,
          BigInteger.valueOf(MIN_GAS), Bytes.fromHexString("0x1234"));
      assertFalse(finalizeOnL1(world, new Withdrawal(L2_MESSENGER, L1_MESSENGER, BigInteger.ZERO, 1_000_000,
          relay(m))));
      assertFalse(world.boolAt(L1_MESSENGER, fn("successfulMessages", bytes32(m.hashV1()))));
      assertFalse(world.boolAt(L1_MESSENGER, fn("failedMessages", bytes32(m.hashV1()))));
    }
  }

  @Test
  void tooLittleGasRecordsAFailureThatCanBeReplayedWithMoreGas() {
    Address target = recipient(L2_MESSENGER);
    long minGas = 1_000_000;
    Deposit deposit = sendL1(ALICE, BigInteger.ZERO, target, payload(6), minGas);
    Hash hash = decodeRelay(deposit).hashV1();
    TxResult.Executed starved = ok(world.send(ALIASED_L1_MESSENGER, L2_MESSENGER, BigInteger.ZERO, deposit.data(),
        400_000));
    onlyLog(starved, L2_MESSENGER, FAILED);
    assertEquals(BigInteger.ZERO, world.uintAt(target, fn("calls")), "the target is not called with too little gas");
    assertTrue(world.boolAt(L2_MESSENGER, fn("failedMessages", bytes32(hash))));

    // During gas estimation (tx.origin 0x…0001) a failure reverts so the estimate covers the real need.
    assertReverts(world.send(ESTIMATION, L2_MESSENGER, BigInteger.ZERO, deposit.data(), 400_000),
        "CrossDomainMessenger: failed to relay message");

    TxResult.Executed replayed = ok(world.send(RELAYER, L2_MESSENGER, BigInteger.ZERO, deposit.data(),
        deposit.gasLimit() + 100_000));
    onlyLog(replayed, L2_MESSENGER, RELAYED);
    assertEquals(BigInteger.ONE, world.uintAt(target, fn("calls")));
  }

  @Test
  void aRelayThatReentersTheMessengerRecordsTheInnerMessageAsFailed() {
    Address target = recipient(L2_MESSENGER);
    // An earlier message that failed and may be replayed by anyone.
    ok(world.send(DEPLOYER, target, fn("setFailing", new Bool(true))));
    Deposit inner = sendL1(ALICE, BigInteger.ZERO, target, payload(10), MIN_GAS);
    ok(deliver(world, inner));
    ok(world.send(DEPLOYER, target, fn("setFailing", new Bool(false))));
    Hash innerHash = decodeRelay(inner).hashV1();

    // The target of a second message replays the first from inside its own relay.
    ok(world.send(DEPLOYER, target, fn("setReentry", dyn(inner.data()))));
    Deposit outer = sendL1(ALICE, BigInteger.ZERO, target, payload(11), 500_000);
    TxResult.Executed relayed = ok(deliver(world, outer));
    onlyLog(relayed, L2_MESSENGER, RELAYED);
    assertEquals(innerHash, onlyLog(relayed, L2_MESSENGER, FAILED).topics().get(1));
    assertTrue(world.boolAt(target, fn("reentrySucceeded")), "the inner relay returns after recording a failure");
    assertFalse(world.boolAt(L2_MESSENGER, fn("successfulMessages", bytes32(innerHash))));
    assertEquals(BigInteger.ONE, world.uintAt(target, fn("calls")), "only the outer message reached the target");
  }

  @Test
  void theL1MessengerRefusesRelaysWhileThePortalIsPaused() {
    Address target = recipient(L1_MESSENGER);
    assertFalse(world.boolAt(L1_MESSENGER, fn("paused")));
    assertFalse(world.boolAt(L2_MESSENGER, fn("paused")));
    ok(world.send(DEPLOYER, world.portal, fn("setPaused", new Bool(true))));
    assertTrue(world.boolAt(L1_MESSENGER, fn("paused")));
    CrossDomainMessage m = new CrossDomainMessage(VERSION_1, ALICE, target, BigInteger.ZERO,
        BigInteger.valueOf(MIN_GAS), payload(12));
    assertReverts(world.send(BOB, L1_MESSENGER, relay(m)), "CrossDomainMessenger: paused");
    assertFalse(finalizeOnL1(world, new Withdrawal(L2_MESSENGER, L1_MESSENGER, BigInteger.ZERO, 1_000_000,
        relay(m))));
    ok(world.send(DEPLOYER, world.portal, fn("setPaused", new Bool(false))));
    assertTrue(finalizeOnL1(world, new Withdrawal(L2_MESSENGER, L1_MESSENGER, BigInteger.ZERO, 1_000_000,
        relay(m))));
  }

  @Test
  void nonceVersionsAboveOneAreRefused() {
    Address target = recipient(L2_MESSENGER);
    BigInteger version2 = BigInteger.TWO.shiftLeft(240);
    Bytes data = fn("relayMessage", uint(version2), addr(ALICE), addr(target), uint(0), uint(MIN_GAS),
        dyn(payload(1)));
    assertReverts(world.send(ALIASED_L1_MESSENGER, L2_MESSENGER, data),
        "CrossDomainMessenger: only version 0 or 1 messages are supported at this time");
  }

  @Test
  void theNonceCountsMessagesUnderVersionOne() {
    for (int i = 0; i < 3; i++) {
      assertEquals(VERSION_1.or(BigInteger.valueOf(i)), world.uintAt(L2_MESSENGER, fn("messageNonce")));
      ok(world.send(ALICE, L2_MESSENGER, sendMessage(L2_MESSENGER, BOB, Bytes.EMPTY, 0)));
    }
    assertEquals(BigInteger.ONE, world.uintAt(L2_MESSENGER, fn("MESSAGE_VERSION")));
  }

  @Test
  void baseGasAgreesWithTheProtocolModule() {
    long[] gasLimits = {0, 1, 63, 100_000, 1_000_000, 30_000_000, 0xFFFF_FFFFL};
    int[] lengths = {0, 1, 31, 100, 1_000, 12_000, 40_000};
    for (int length : lengths) {
      Bytes message = Bytes.wrap(new byte[length]).mutableCopy();
      for (long gas : gasLimits) {
        BigInteger onChain = world.uintAt(L1_MESSENGER, fn("baseGas", dyn(message), u32(gas)));
        assertEquals(BigInteger.valueOf(MessengerBaseGas.EIP_7623.baseGas(length, gas)), onChain,
            "baseGas(" + length + " bytes, " + gas + ")");
      }
    }
    // Past ~11,900 bytes the EIP-7623 floor (40 gas per byte) dominates: the floor term is really used.
    assertTrue(MessengerBaseGas.EIP_7623.baseGas(40_000, 0) > MessengerBaseGas.PRE_EIP_7623.baseGas(40_000, 0));
    assertEquals(BigInteger.valueOf(200_000), world.uintAt(L2_MESSENGER, fn("RELAY_CONSTANT_OVERHEAD")));
    assertEquals(BigInteger.valueOf(40_000), world.uintAt(L2_MESSENGER, fn("RELAY_RESERVED_GAS")));
    assertEquals(BigInteger.valueOf(5_000), world.uintAt(L2_MESSENGER, fn("RELAY_GAS_CHECK_BUFFER")));
    assertEquals(BigInteger.valueOf(40_000), world.uintAt(L2_MESSENGER, fn("RELAY_CALL_OVERHEAD")));
    assertEquals(BigInteger.valueOf(16), world.uintAt(L2_MESSENGER, fn("MIN_GAS_CALLDATA_OVERHEAD")));
    assertEquals(BigInteger.valueOf(64), world.uintAt(L2_MESSENGER, fn("MIN_GAS_DYNAMIC_OVERHEAD_NUMERATOR")));
    assertEquals(BigInteger.valueOf(63), world.uintAt(L2_MESSENGER, fn("MIN_GAS_DYNAMIC_OVERHEAD_DENOMINATOR")));
  }

  @Test
  void initializersRunOnceAndWireTheOtherSide() {
    assertEquals(L1_MESSENGER, world.addressAt(L2_MESSENGER, fn("OTHER_MESSENGER")));
    assertEquals(L1_MESSENGER, world.addressAt(L2_MESSENGER, fn("otherMessenger")));
    assertEquals(L1_MESSENGER, world.addressAt(L2_MESSENGER, fn("l1CrossDomainMessenger")));
    assertEquals(L2_MESSENGER, world.addressAt(L1_MESSENGER, fn("OTHER_MESSENGER")));
    assertEquals(world.portal, world.addressAt(L1_MESSENGER, fn("PORTAL")));
    assertEquals(world.portal, world.addressAt(L1_MESSENGER, fn("portal")));
    assertEquals(UInt256.fromBytes(L1_MESSENGER.toWord()), world.storage(L2_MESSENGER, UInt256.valueOf(207)));
    assertEquals(UInt256.fromBytes(world.portal.toWord()), world.storage(L1_MESSENGER, UInt256.valueOf(252)));

    assertReverts(world.send(BOB, L2_MESSENGER, fn("initialize", addr(BOB))),
        "Initializable: contract is already initialized");
    assertReverts(world.send(BOB, L1_MESSENGER, fn("initialize", addr(BOB), addr(BOB), addr(BOB))),
        "Initializable: contract is already initialized");
    // A deployed implementation initialises itself in its constructor, so nobody can take it over.
    Address implementation = world.deploy(contractArtifact("L1CrossDomainMessenger"), Bytes.EMPTY);
    assertReverts(world.send(BOB, implementation, fn("initialize", addr(BOB), addr(BOB), addr(BOB))),
        "Initializable: contract is already initialized");
  }

  static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Hash h) {
    return new org.web3j.abi.datatypes.generated.Bytes32(h.bytes().toArrayUnsafe());
  }
}
