package dev.opsim.engine.contracts.messaging;

import static dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.deliver;
import static dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.deposit;
import static dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.finalizeOnL1;
import static dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.withdrawal;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ALICE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.BOB;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.DEPLOYER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ETHER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.FACTORY;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L1_BRIDGE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L1_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L2_BRIDGE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L2_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.addr;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.assertReverts;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.decode;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.dyn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.fn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.logs;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ok;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.onlyLog;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.str;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.testArtifact;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.topic;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.u32;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.Deposit;
import dev.opsim.engine.contracts.messaging.CrossDomainMessengerTest.Withdrawal;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * L1StandardBridge and L2StandardBridge through the messengers on our EVM (protocol-reference 9.6): ETH and
 * ERC-20 both ways with the generic and legacy events, escrow accounting, and the refusals.
 */
class StandardBridgeTest {
  private static final Address LEGACY_ETH = Address.fromHex("0xDeadDeAddeAddEAddeadDEaDDEAdDeaDDeAD0000");
  private static final long MIN_GAS = 200_000;
  private static final Bytes EXTRA = Bytes.fromHexString("0xcafe");
  private static final TypeReference<org.web3j.abi.datatypes.Address> INDEXED_ADDRESS =
      new TypeReference<>(true) {};
  private static final TypeReference<org.web3j.abi.datatypes.Address> ADDRESS = new TypeReference<>() {};
  private static final TypeReference<Uint256> UINT = new TypeReference<>() {};
  private static final TypeReference<DynamicBytes> BYTES = new TypeReference<>() {};
  private static final Hash ETH_BRIDGE_INITIATED = ethEvent("ETHBridgeInitiated");
  private static final Hash ETH_BRIDGE_FINALIZED = ethEvent("ETHBridgeFinalized");
  private static final Hash ETH_DEPOSIT_INITIATED = ethEvent("ETHDepositInitiated");
  private static final Hash ETH_WITHDRAWAL_FINALIZED = ethEvent("ETHWithdrawalFinalized");
  private static final Hash ERC20_BRIDGE_INITIATED = tokenEvent("ERC20BridgeInitiated");
  private static final Hash ERC20_BRIDGE_FINALIZED = tokenEvent("ERC20BridgeFinalized");
  private static final Hash ERC20_DEPOSIT_INITIATED = tokenEvent("ERC20DepositInitiated");
  private static final Hash ERC20_WITHDRAWAL_FINALIZED = tokenEvent("ERC20WithdrawalFinalized");
  private static final Hash WITHDRAWAL_INITIATED = tokenEvent("WithdrawalInitiated");
  private static final Hash DEPOSIT_FINALIZED = tokenEvent("DepositFinalized");
  private static final Hash FAILED = topic("FailedRelayedMessage",
      new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(true) {});

  private final MessagingWorld world = new MessagingWorld();

  private static Hash ethEvent(String name) {
    return topic(name, INDEXED_ADDRESS, INDEXED_ADDRESS, UINT, BYTES);
  }

  private static Hash tokenEvent(String name) {
    return topic(name, INDEXED_ADDRESS, INDEXED_ADDRESS, INDEXED_ADDRESS, ADDRESS, UINT, BYTES);
  }

  private static void assertEthEvent(TxResult.Executed result, Address emitter, Hash event, Address from, Address to,
      BigInteger amount) {
    assertEthEvent(result, emitter, event, from, to, amount, EXTRA);
  }

  private static void assertEthEvent(TxResult.Executed result, Address emitter, Hash event, Address from, Address to,
      BigInteger amount, Bytes extra) {
    Log log = onlyLog(result, emitter, event);
    assertEquals(List.of(event, topic(from), topic(to)), log.topics());
    List<Type> data = decode(log.data(), UINT, BYTES);
    assertEquals(amount, data.get(0).getValue());
    assertEquals(extra, Bytes.wrap((byte[]) data.get(1).getValue()));
  }

  private static void assertTokenEvent(TxResult.Executed result, Address emitter, Hash event, Address first,
      Address second, Address from, Address to, BigInteger amount) {
    Log log = onlyLog(result, emitter, event);
    assertEquals(List.of(event, topic(first), topic(second), topic(from)), log.topics());
    List<Type> data = decode(log.data(), ADDRESS, UINT, BYTES);
    assertEquals(to, Address.fromHex((String) data.get(0).getValue()));
    assertEquals(amount, data.get(1).getValue());
    assertEquals(EXTRA, Bytes.wrap((byte[]) data.get(2).getValue()));
  }

  private BigInteger tokenBalance(Address token, Address owner) {
    return world.uintAt(token, fn("balanceOf", addr(owner)));
  }

  private Address l1Token() {
    return world.deploy(testArtifact("MessagingTestToken"), Bytes.EMPTY);
  }

  private Address l2Token(Address remote) {
    TxResult.Executed created = ok(world.send(ALICE, FACTORY, fn("createOptimismMintableERC20", addr(remote),
        str("Wrapped"), str("W"))));
    return Address.fromHex((String) decode(created.output(), ADDRESS).get(0).getValue());
  }

  @Test
  void ethDepositReachesTheRecipientOnL2WithTheStandardAndLegacyEvents() {
    BigInteger amount = ETHER.multiply(BigInteger.valueOf(3));
    BigInteger bobBefore = world.balance(BOB);
    TxResult.Executed sent = ok(world.send(ALICE, L1_BRIDGE, amount,
        fn("depositETHTo", addr(BOB), u32(MIN_GAS), dyn(EXTRA))));
    assertEthEvent(sent, L1_BRIDGE, ETH_DEPOSIT_INITIATED, ALICE, BOB, amount);
    assertEthEvent(sent, L1_BRIDGE, ETH_BRIDGE_INITIATED, ALICE, BOB, amount);
    Deposit deposit = deposit(sent, world.portal);
    assertEquals(amount, deposit.value());
    assertEquals(amount, world.balance(world.portal));

    TxResult.Executed relayed = ok(deliver(world, deposit));
    assertTokenEvent(relayed, L2_BRIDGE, DEPOSIT_FINALIZED, Address.ZERO, LEGACY_ETH, ALICE, BOB, amount);
    assertEthEvent(relayed, L2_BRIDGE, ETH_BRIDGE_FINALIZED, ALICE, BOB, amount);
    assertEquals(bobBefore.add(amount), world.balance(BOB));
    assertEquals(BigInteger.ZERO, world.balance(L2_BRIDGE));
    assertEquals(BigInteger.ZERO, world.balance(L2_MESSENGER));
  }

  @Test
  void ethWithdrawalWithTheLegacyEthTokenIsPaidOutOnL1() {
    BigInteger amount = ETHER;
    BigInteger bobBefore = world.balance(BOB);
    TxResult.Executed sent = ok(world.send(ALICE, L2_BRIDGE, amount,
        fn("withdrawTo", addr(LEGACY_ETH), addr(BOB), uint(amount), u32(MIN_GAS), dyn(EXTRA))));
    assertTokenEvent(sent, L2_BRIDGE, WITHDRAWAL_INITIATED, Address.ZERO, LEGACY_ETH, ALICE, BOB, amount);
    assertEthEvent(sent, L2_BRIDGE, ETH_BRIDGE_INITIATED, ALICE, BOB, amount);
    Withdrawal withdrawal = withdrawal(sent);
    assertEquals(amount, withdrawal.value());

    assertTrue(finalizeOnL1(world, withdrawal));
    assertEquals(bobBefore.add(amount), world.balance(BOB));
    assertEquals(BigInteger.ZERO, world.balance(L1_BRIDGE));

    // The legacy L2 API: withdraw(LegacyERC20ETH) needs msg.value equal to the amount.
    assertReverts(world.send(ALICE, L2_BRIDGE, BigInteger.ONE,
            fn("withdraw", addr(LEGACY_ETH), uint(2), u32(MIN_GAS), dyn(EXTRA))),
        "StandardBridge: bridging ETH must include sufficient ETH value");
    TxResult.Executed legacy = ok(world.send(ALICE, L2_BRIDGE, BigInteger.TWO,
        fn("withdraw", addr(LEGACY_ETH), uint(2), u32(MIN_GAS), dyn(EXTRA))));
    assertTokenEvent(legacy, L2_BRIDGE, WITHDRAWAL_INITIATED, Address.ZERO, LEGACY_ETH, ALICE, ALICE,
        BigInteger.TWO);
  }

  @Test
  void erc20GoesToL2AsAMintableTokenAndComesBackFromEscrow() {
    Address nativeToken = l1Token();
    Address wrapped = l2Token(nativeToken);
    BigInteger amount = BigInteger.valueOf(1_000);
    ok(world.send(ALICE, nativeToken, fn("faucet", addr(ALICE), uint(amount))));
    ok(world.send(ALICE, nativeToken, fn("approve", addr(L1_BRIDGE), uint(amount))));

    TxResult.Executed sent = ok(world.send(ALICE, L1_BRIDGE,
        fn("depositERC20", addr(nativeToken), addr(wrapped), uint(amount), u32(MIN_GAS), dyn(EXTRA))));
    assertTokenEvent(sent, L1_BRIDGE, ERC20_DEPOSIT_INITIATED, nativeToken, wrapped, ALICE, ALICE, amount);
    assertTokenEvent(sent, L1_BRIDGE, ERC20_BRIDGE_INITIATED, nativeToken, wrapped, ALICE, ALICE, amount);
    assertEquals(amount, world.uintAt(L1_BRIDGE, fn("deposits", addr(nativeToken), addr(wrapped))));
    assertEquals(amount, tokenBalance(nativeToken, L1_BRIDGE));
    assertEquals(BigInteger.ZERO, tokenBalance(nativeToken, ALICE));

    TxResult.Executed relayed = ok(deliver(world, deposit(sent, world.portal)));
    // L2 sees its own token first: finalizeBridgeERC20(local=wrapped, remote=nativeToken, ...).
    assertTokenEvent(relayed, L2_BRIDGE, DEPOSIT_FINALIZED, nativeToken, wrapped, ALICE, ALICE, amount);
    assertTokenEvent(relayed, L2_BRIDGE, ERC20_BRIDGE_FINALIZED, wrapped, nativeToken, ALICE, ALICE, amount);
    assertEquals(amount, tokenBalance(wrapped, ALICE));
    assertEquals(amount, world.uintAt(wrapped, fn("totalSupply")));

    BigInteger back = BigInteger.valueOf(400);
    TxResult.Executed withdrawn = ok(world.send(ALICE, L2_BRIDGE,
        fn("withdrawTo", addr(wrapped), addr(BOB), uint(back), u32(MIN_GAS), dyn(EXTRA))));
    assertTokenEvent(withdrawn, L2_BRIDGE, WITHDRAWAL_INITIATED, nativeToken, wrapped, ALICE, BOB, back);
    assertTokenEvent(withdrawn, L2_BRIDGE, ERC20_BRIDGE_INITIATED, wrapped, nativeToken, ALICE, BOB, back);
    assertEquals(amount.subtract(back), tokenBalance(wrapped, ALICE), "burnt on withdrawal");
    assertEquals(amount.subtract(back), world.uintAt(wrapped, fn("totalSupply")));

    assertTrue(finalizeOnL1(world, withdrawal(withdrawn)));
    assertEquals(back, tokenBalance(nativeToken, BOB));
    assertEquals(amount.subtract(back), world.uintAt(L1_BRIDGE, fn("deposits", addr(nativeToken), addr(wrapped))));
  }

  @Test
  void erc20WithdrawalEventsOnL1() {
    Address nativeToken = l1Token();
    Address wrapped = l2Token(nativeToken);
    BigInteger amount = BigInteger.valueOf(50);
    ok(world.send(ALICE, nativeToken, fn("faucet", addr(ALICE), uint(amount))));
    ok(world.send(ALICE, nativeToken, fn("approve", addr(L1_BRIDGE), uint(amount))));
    ok(deliver(world, deposit(ok(world.send(ALICE, L1_BRIDGE, fn("depositERC20To", addr(nativeToken), addr(wrapped),
        addr(ALICE), uint(amount), u32(MIN_GAS), dyn(EXTRA)))), world.portal)));
    TxResult.Executed withdrawn = ok(world.send(ALICE, L2_BRIDGE,
        fn("bridgeERC20", addr(wrapped), addr(nativeToken), uint(amount), u32(MIN_GAS), dyn(EXTRA))));
    Withdrawal w = withdrawal(withdrawn);
    world.fund(world.portal, ETHER);
    TxResult.Executed finalized = ok(world.send(BOB, world.portal, fn("finalizeWithdrawal", addr(w.sender()),
        addr(w.target()), uint(w.value()), uint(w.gasLimit()), dyn(w.data()))));
    assertTokenEvent(finalized, L1_BRIDGE, ERC20_WITHDRAWAL_FINALIZED, nativeToken, wrapped, ALICE, ALICE, amount);
    assertTokenEvent(finalized, L1_BRIDGE, ERC20_BRIDGE_FINALIZED, nativeToken, wrapped, ALICE, ALICE, amount);
    assertEquals(amount, tokenBalance(nativeToken, ALICE));
    assertEquals(BigInteger.ZERO, world.uintAt(L1_BRIDGE, fn("deposits", addr(nativeToken), addr(wrapped))));
  }

  @Test
  void finalizationsOnlyComeFromTheOtherBridgeThroughTheMessenger() {
    world.fund(L2_BRIDGE, ETHER);
    assertReverts(world.send(BOB, L2_BRIDGE, fn("finalizeBridgeETH", addr(BOB), addr(BOB), uint(1), dyn(EXTRA))),
        "StandardBridge: function can only be called from the other bridge");
    assertReverts(world.send(BOB, L1_BRIDGE, fn("finalizeETHWithdrawal", addr(BOB), addr(BOB), uint(0),
        dyn(EXTRA))), "StandardBridge: function can only be called from the other bridge");
    // Through the messenger but from the wrong L1 sender: the relay fails and is recorded as failed.
    Bytes forged = fn("finalizeBridgeETH", addr(BOB), addr(BOB), uint(0), dyn(EXTRA));
    TxResult.Executed sent = ok(world.send(BOB, L1_MESSENGER, fn("sendMessage", addr(L2_BRIDGE), dyn(forged),
        u32(MIN_GAS))));
    TxResult.Executed relayed = ok(deliver(world, deposit(sent, world.portal)));
    onlyLog(relayed, L2_MESSENGER, FAILED);
    assertTrue(logs(relayed, L2_BRIDGE, ETH_BRIDGE_FINALIZED).isEmpty());
  }

  @Test
  void ethBridgedToTheMessengerOrTheBridgeIsRefusedOnArrival() {
    for (Address to : List.of(L2_MESSENGER, L2_BRIDGE)) {
      TxResult.Executed sent = ok(world.send(ALICE, L1_BRIDGE, ETHER,
          fn("bridgeETHTo", addr(to), u32(MIN_GAS), dyn(EXTRA))));
      TxResult.Executed relayed = ok(deliver(world, deposit(sent, world.portal)));
      onlyLog(relayed, L2_MESSENGER, FAILED);
      assertTrue(logs(relayed, L2_BRIDGE, ETH_BRIDGE_FINALIZED).isEmpty());
    }
    assertEquals(ETHER.multiply(BigInteger.TWO), world.balance(L2_MESSENGER),
        "the ETH stays in the messenger with the failed messages");
  }

  @Test
  void theEoaOnlyEntryPointsRefuseContracts() {
    Address caller = world.deploy(testArtifact("MessagingTestCaller"), Bytes.EMPTY);
    for (Bytes call : List.of(fn("depositETH", u32(MIN_GAS), dyn(EXTRA)), fn("bridgeETH", u32(MIN_GAS), dyn(EXTRA)))) {
      assertReverts(world.send(ALICE, caller, BigInteger.ONE, fn("forward", addr(L1_BRIDGE), dyn(call))),
          "StandardBridge: function can only be called from an EOA");
    }
    assertReverts(world.send(ALICE, caller, BigInteger.ONE, fn("forward", addr(L2_BRIDGE),
            dyn(fn("withdraw", addr(LEGACY_ETH), uint(1), u32(MIN_GAS), dyn(EXTRA))))),
        "StandardBridge: function can only be called from an EOA");
    // The *To variants accept contracts.
    TxResult.Executed toVariant = ok(world.send(ALICE, caller, BigInteger.ONE, fn("forward", addr(L1_BRIDGE),
        dyn(fn("depositETHTo", addr(BOB), u32(MIN_GAS), dyn(EXTRA))))));
    assertEthEvent(toVariant, L1_BRIDGE, ETH_BRIDGE_INITIATED, caller, BOB, BigInteger.ONE);
  }

  @Test
  void plainEthSentToABridgeIsBridgedToTheSender() {
    BigInteger amount = BigInteger.valueOf(777);
    TxResult.Executed sent = ok(world.send(ALICE, L1_BRIDGE, amount, Bytes.EMPTY));
    assertEthEvent(sent, L1_BRIDGE, ETH_DEPOSIT_INITIATED, ALICE, ALICE, amount, Bytes.EMPTY);
    assertEthEvent(sent, L1_BRIDGE, ETH_BRIDGE_INITIATED, ALICE, ALICE, amount, Bytes.EMPTY);
    // RECEIVE_DEFAULT_GAS_LIMIT = 200,000 is the message's minimum gas.
    CrossDomainMessengerTest.Deposit deposit = deposit(sent, world.portal);
    assertEquals(BigInteger.valueOf(200_000), decode(deposit.data().slice(4), UINT, ADDRESS, ADDRESS, UINT, UINT,
        BYTES).get(4).getValue());
  }

  @Test
  void tokenRefusalsValueWrongPairAndNonBridgeMint() {
    Address nativeToken = l1Token();
    Address wrapped = l2Token(nativeToken);
    assertReverts(world.send(ALICE, L2_BRIDGE, BigInteger.ONE,
            fn("withdrawTo", addr(wrapped), addr(BOB), uint(1), u32(MIN_GAS), dyn(EXTRA))),
        "StandardBridge: cannot send value");
    assertReverts(world.send(ALICE, L2_BRIDGE,
            fn("bridgeERC20", addr(wrapped), addr(BOB), uint(1), u32(MIN_GAS), dyn(EXTRA))),
        "StandardBridge: wrong remote token for Optimism Mintable ERC20 local token");
    assertReverts(world.send(ALICE, wrapped, fn("mint", addr(ALICE), uint(1))),
        "OptimismMintableERC20: only bridge can mint and burn");
    assertReverts(world.send(ALICE, wrapped, fn("burn", addr(ALICE), uint(0))),
        "OptimismMintableERC20: only bridge can mint and burn");
  }

  @Test
  void l1EscrowCannotBeDrainedThroughAPairThatWasNeverDeposited() {
    Address nativeToken = l1Token();
    Address wrapped = l2Token(nativeToken);
    BigInteger escrowed = BigInteger.valueOf(500);
    ok(world.send(ALICE, nativeToken, fn("faucet", addr(ALICE), uint(escrowed))));
    ok(world.send(ALICE, nativeToken, fn("approve", addr(L1_BRIDGE), uint(escrowed))));
    ok(world.send(ALICE, L1_BRIDGE, fn("depositERC20", addr(nativeToken), addr(wrapped), uint(escrowed), u32(MIN_GAS),
        dyn(EXTRA))));

    // An L2-native (not mintable) token bridged to L1 claiming the escrowed L1 token as its counterpart: L2
    // escrows it and sends finalizeBridgeERC20(nativeToken, l2Native, ...), but L1 has no deposits for that pair.
    Address l2Native = l1Token();
    ok(world.send(BOB, l2Native, fn("faucet", addr(BOB), uint(escrowed))));
    ok(world.send(BOB, l2Native, fn("approve", addr(L2_BRIDGE), uint(escrowed))));
    TxResult.Executed sent = ok(world.send(BOB, L2_BRIDGE, fn("bridgeERC20", addr(l2Native), addr(nativeToken),
        uint(escrowed), u32(MIN_GAS), dyn(EXTRA))));
    assertEquals(escrowed, world.uintAt(L2_BRIDGE, fn("deposits", addr(l2Native), addr(nativeToken))));
    Withdrawal w = withdrawal(sent);
    TxResult.Executed finalized = ok(world.send(BOB, world.portal, fn("finalizeWithdrawal", addr(w.sender()),
        addr(w.target()), uint(w.value()), uint(w.gasLimit()), dyn(w.data()))));
    onlyLog(finalized, L1_MESSENGER, FAILED);
    assertEquals(BigInteger.ZERO, tokenBalance(nativeToken, BOB));
    assertEquals(escrowed, tokenBalance(nativeToken, L1_BRIDGE));
    assertEquals(escrowed, world.uintAt(L1_BRIDGE, fn("deposits", addr(nativeToken), addr(wrapped))));
  }

  @Test
  void gettersAndPauseFollowTheMessenger() {
    assertEquals(L2_MESSENGER, world.addressAt(L2_BRIDGE, fn("MESSENGER")));
    assertEquals(L2_MESSENGER, world.addressAt(L2_BRIDGE, fn("messenger")));
    assertEquals(L1_BRIDGE, world.addressAt(L2_BRIDGE, fn("OTHER_BRIDGE")));
    assertEquals(L1_BRIDGE, world.addressAt(L2_BRIDGE, fn("l1TokenBridge")));
    assertEquals(L1_MESSENGER, world.addressAt(L1_BRIDGE, fn("messenger")));
    assertEquals(L2_BRIDGE, world.addressAt(L1_BRIDGE, fn("otherBridge")));
    assertEquals(L2_BRIDGE, world.addressAt(L1_BRIDGE, fn("l2TokenBridge")));
    assertFalse(world.boolAt(L1_BRIDGE, fn("paused")));
    ok(world.send(DEPLOYER, world.portal, fn("setPaused", new Bool(true))));
    assertTrue(world.boolAt(L1_BRIDGE, fn("paused")));
    assertFalse(world.boolAt(L2_BRIDGE, fn("paused")));
    assertReverts(world.send(BOB, L1_BRIDGE, fn("initialize", addr(BOB), addr(BOB), addr(BOB))),
        "Initializable: contract is already initialized");
    assertReverts(world.send(BOB, L2_BRIDGE, fn("initialize", addr(BOB))),
        "Initializable: contract is already initialized");
  }
}
