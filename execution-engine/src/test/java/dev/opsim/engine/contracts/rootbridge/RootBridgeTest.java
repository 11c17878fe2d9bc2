package dev.opsim.engine.contracts.rootbridge;

import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.ALICE;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.BOB;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.OWNER;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.START;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.address;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.assertReverted;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.bytes32;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.bytes32Array;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.encode;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.event;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.events;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.root;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.uint;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.uint32;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.word;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.SentMessage;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Bool;

/** The L1 RootBridge: what it sends, when it refuses, gas limits, ownership and forwarded registry admin calls. */
class RootBridgeTest {
  private static final long DEFAULT_GAS = 100_000;
  private static final String ROOT_PROPAGATED = "RootPropagated(bytes32,uint256,uint256)";

  private final RootBridgeWorld world = new RootBridgeWorld();
  private final Address bridge = world.bridge;
  private final Hash a = root("a");
  private final Hash b = root("b");
  private final Hash c = root("c");
  private final Hash d = root("d");

  @Test
  void wiringAndDefaults() {
    assertEquals(world.l1Messenger, world.addressView(bridge, "messenger"));
    assertEquals(world.source, world.addressView(bridge, "source"));
    assertEquals(world.registry, world.addressView(bridge, "rootRegistry"));
    assertEquals(OWNER, world.addressView(bridge, "owner"));
    assertEquals(Address.ZERO, world.addressView(bridge, "pendingOwner"));
    for (String limit : List.of("gasLimitPropagateRoot", "gasLimitSetRootHistoryExpiry",
        "gasLimitTransferRegistryOwnership")) {
      assertEquals(BigInteger.valueOf(DEFAULT_GAS), world.uintView(bridge, limit), limit);
    }
    assertEquals(BigInteger.ZERO, world.uintView(bridge, "lastSequence"));
    assertEquals(Hash.ZERO, world.bytes32View(bridge, "lastPropagatedRoot"));
  }

  @Test
  void zeroAddressesAreRefusedAtDeployment() {
    Address any = ALICE;
    assertReverted(world.tryDeploy("RootBridge", address(Address.ZERO), address(any), address(any), address(any)),
        "ZeroAddress");
    assertReverted(world.tryDeploy("RootBridge", address(any), address(Address.ZERO), address(any), address(any)),
        "ZeroAddress");
    assertReverted(world.tryDeploy("RootBridge", address(any), address(any), address(Address.ZERO), address(any)),
        "ZeroAddress");
    assertReverted(world.tryDeploy("RootBridge", address(any), address(any), address(any), address(Address.ZERO)),
        "ZeroAddress");
  }

  @Test
  void propagateRootSendsTheLatestRootWithL1TimeAndASequence() {
    world.postRoot(Hash.ZERO, a);
    world.at(START + 100);
    TxResult.Executed first = world.sendOk(BOB, bridge, "propagateRoot");
    SentMessage message = world.single(first);
    assertEquals(world.registry, message.target());
    assertEquals(bridge, message.sender());
    assertEquals(DEFAULT_GAS, message.gasLimit());
    assertEquals(Bytes.fromHexString(encode("receiveRoot", bytes32(a), uint(START + 100), uint(1))),
        message.message());
    Log propagated = event(first, bridge, ROOT_PROPAGATED);
    assertEquals(List.of(RootBridgeWorld.topic(ROOT_PROPAGATED), a, word(1)), propagated.topics());
    assertEquals(word(START + 100).bytes(), propagated.data());

    // The root is read when propagateRoot runs: whatever the source holds then.
    world.postRoot(a, b);
    world.postRoot(b, c);
    world.at(START + 250);
    SentMessage second = world.propagate();
    assertEquals(Bytes.fromHexString(encode("receiveRoot", bytes32(c), uint(START + 250), uint(2))),
        second.message());
    assertEquals(BigInteger.TWO, world.uintView(bridge, "lastSequence"));
    assertEquals(c, world.bytes32View(bridge, "lastPropagatedRoot"));
  }

  @Test
  void propagateRootRefusesWhenThereIsNothingNew() {
    assertReverted(world.send(BOB, bridge, "propagateRoot"), "NoRoot");
    world.postRoot(Hash.ZERO, a);
    world.propagate();
    assertReverted(world.send(BOB, bridge, "propagateRoot"), "RootAlreadyPropagated", bytes32(a));
    assertEquals(BigInteger.ONE, world.uintView(bridge, "lastSequence"));
  }

  @Test
  void propagateRootsSendsOneMessageWithAscendingSequences() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.postRoot(b, c);
    world.postRoot(c, d);
    world.propagate(); // d, sequence 1
    world.postRoot(d, root("e"));
    world.postRoot(root("e"), root("f"));
    world.postRoot(root("f"), root("g"));
    world.at(START + 500);
    TxResult.Executed batch =
        world.sendOk(ALICE, bridge, "propagateRoots", bytes32Array(root("e"), root("g")));
    SentMessage message = world.single(batch);
    assertEquals(world.registry, message.target());
    assertEquals(2 * DEFAULT_GAS, message.gasLimit(), "the per-root gas limit times the roots");
    assertEquals(Bytes.fromHexString(encode("receiveRoots", bytes32Array(root("e"), root("g")), uint(START + 500),
        uint(2))), message.message());
    List<Log> propagated = events(batch, bridge, ROOT_PROPAGATED);
    assertEquals(2, propagated.size());
    assertEquals(List.of(root("e"), word(2)), propagated.get(0).topics().subList(1, 3));
    assertEquals(List.of(root("g"), word(3)), propagated.get(1).topics().subList(1, 3));
    assertEquals(BigInteger.valueOf(3), world.uintView(bridge, "lastSequence"));
    assertEquals(root("g"), world.bytes32View(bridge, "lastPropagatedRoot"));
  }

  @Test
  void propagateRootsRefusesUnknownOutOfOrderRepeatedAndAlreadySentRoots() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.postRoot(b, c);
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(a, root("unknown"))), "UnknownRoot",
        bytes32(root("unknown")));
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(Hash.ZERO)), "UnknownRoot",
        bytes32(Hash.ZERO));
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(b, a)), "RootOutOfOrder", bytes32(a));
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(a, a)), "RootOutOfOrder", bytes32(a));
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array()), "EmptyBatch");
    world.propagate(a, b);
    // a and b went already; c is newer. An older root after a newer one must not reach L2 as its latest.
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(b)), "RootOutOfOrder", bytes32(b));
    world.propagate(); // c
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(a)), "RootOutOfOrder", bytes32(a));
    assertEquals(BigInteger.valueOf(3), world.uintView(bridge, "lastSequence"));
  }

  @Test
  void aBatchWhoseGasDoesNotFitUint32IsRefused() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.sendOk(OWNER, bridge, "setGasLimitPropagateRoot", uint32(1L << 31));
    assertReverted(world.send(BOB, bridge, "propagateRoots", bytes32Array(a, b)), "BatchTooLarge", uint(2));
    assertEquals((1L << 31), world.propagate(a).gasLimit(), "one root still fits");
  }

  @Test
  void theOwnerSetsNonZeroGasLimitsWhichTheNextMessagesUse() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.postRoot(b, c);
    TxResult.Executed set = world.sendOk(OWNER, bridge, "setGasLimitPropagateRoot", uint32(123_456));
    assertEquals(word(123_456).bytes(), event(set, bridge, "GasLimitPropagateRootSet(uint32)").data());
    assertEquals(123_456, world.propagate(a).gasLimit());
    assertEquals(2 * 123_456, world.propagate(b, c).gasLimit());

    world.sendOk(OWNER, bridge, "setGasLimitSetRootHistoryExpiry", uint32(77_000));
    assertEquals(77_000, world.single(world.sendOk(OWNER, bridge, "setRootHistoryExpiry", uint(60))).gasLimit());
    world.sendOk(OWNER, bridge, "setGasLimitTransferRegistryOwnership", uint32(88_000));
    assertEquals(88_000, world.single(world.sendOk(OWNER, bridge, "transferRegistryOwnership", address(ALICE),
        new Bool(true))).gasLimit());
    assertEquals(BigInteger.valueOf(77_000), world.uintView(bridge, "gasLimitSetRootHistoryExpiry"));
    assertEquals(BigInteger.valueOf(88_000), world.uintView(bridge, "gasLimitTransferRegistryOwnership"));
  }

  @Test
  void aZeroGasLimitIsRefused() {
    for (String setter : List.of("setGasLimitPropagateRoot", "setGasLimitSetRootHistoryExpiry",
        "setGasLimitTransferRegistryOwnership")) {
      assertReverted(world.send(OWNER, bridge, setter, uint32(0)), "GasLimitZero");
    }
    assertEquals(BigInteger.valueOf(DEFAULT_GAS), world.uintView(bridge, "gasLimitPropagateRoot"));
  }

  @Test
  void onlyTheOwnerSetsGasLimitsAndForwardsAdminCalls() {
    for (String setter : List.of("setGasLimitPropagateRoot", "setGasLimitSetRootHistoryExpiry",
        "setGasLimitTransferRegistryOwnership")) {
      assertReverted(world.send(ALICE, bridge, setter, uint32(1)), "CallerNotOwner", address(ALICE));
    }
    assertReverted(world.send(ALICE, bridge, "setRootHistoryExpiry", uint(0)), "CallerNotOwner", address(ALICE));
    assertReverted(world.send(ALICE, bridge, "transferRegistryOwnership", address(ALICE), new Bool(true)),
        "CallerNotOwner", address(ALICE));
    assertReverted(world.send(ALICE, bridge, "transferOwnership", address(ALICE)), "CallerNotOwner",
        address(ALICE));
  }

  @Test
  void forwardsTheExpiryAndRegistryOwnershipToL2() {
    world.at(START + 9);
    TxResult.Executed expiry = world.sendOk(OWNER, bridge, "setRootHistoryExpiry", uint(3600));
    SentMessage expiryMessage = world.single(expiry);
    assertEquals(world.registry, expiryMessage.target());
    assertEquals(bridge, expiryMessage.sender());
    assertEquals(DEFAULT_GAS, expiryMessage.gasLimit());
    assertEquals(Bytes.fromHexString(encode("setRootHistoryExpiry", uint(3600))), expiryMessage.message());
    assertEquals(word(3600).bytes(), event(expiry, bridge, "RootHistoryExpiryForwarded(uint256)").data());

    TxResult.Executed owner = world.sendOk(OWNER, bridge, "transferRegistryOwnership", address(ALICE),
        new Bool(false));
    assertEquals(Bytes.fromHexString(encode("transferOwnership", address(ALICE), new Bool(false))),
        world.single(owner).message());
    Log forwarded = event(owner, bridge, "RegistryOwnershipTransferForwarded(address,bool)");
    assertEquals(word(ALICE), forwarded.topics().get(1));
    assertEquals(word(0).bytes(), forwarded.data());

    assertReverted(world.send(OWNER, bridge, "transferRegistryOwnership", address(Address.ZERO), new Bool(true)),
        "ZeroAddress");
  }

  @Test
  void ownershipMovesInTwoStepsAndCannotBeRenounced() {
    TxResult.Executed start = world.sendOk(OWNER, bridge, "transferOwnership", address(ALICE));
    Log started = event(start, bridge, "OwnershipTransferStarted(address,address)");
    assertEquals(List.of(word(OWNER), word(ALICE)), started.topics().subList(1, 3));
    assertEquals(OWNER, world.addressView(bridge, "owner"));
    assertEquals(ALICE, world.addressView(bridge, "pendingOwner"));
    // Until accepted the old owner keeps every right and the new one has none.
    world.sendOk(OWNER, bridge, "setGasLimitPropagateRoot", uint32(1000));
    assertReverted(world.send(ALICE, bridge, "setGasLimitPropagateRoot", uint32(2000)), "CallerNotOwner",
        address(ALICE));
    assertReverted(world.send(BOB, bridge, "acceptOwnership"), "CallerNotPendingOwner", address(BOB));

    TxResult.Executed accept = world.sendOk(ALICE, bridge, "acceptOwnership");
    Log transferred = event(accept, bridge, "OwnershipTransferred(address,address)");
    assertEquals(List.of(word(OWNER), word(ALICE)), transferred.topics().subList(1, 3));
    assertEquals(ALICE, world.addressView(bridge, "owner"));
    assertEquals(Address.ZERO, world.addressView(bridge, "pendingOwner"));
    world.sendOk(ALICE, bridge, "setGasLimitPropagateRoot", uint32(2000));
    assertReverted(world.send(OWNER, bridge, "setGasLimitPropagateRoot", uint32(3000)), "CallerNotOwner",
        address(OWNER));
    assertReverted(world.send(ALICE, bridge, "acceptOwnership"), "CallerNotPendingOwner", address(ALICE));

    assertReverted(world.send(ALICE, bridge, "renounceOwnership"), "CannotRenounceOwnership");
    assertReverted(world.send(BOB, bridge, "renounceOwnership"), "CannotRenounceOwnership");
    assertEquals(ALICE, world.addressView(bridge, "owner"));
  }

  @Test
  void aPendingTransferCanBeCancelledOrReplaced() {
    world.sendOk(OWNER, bridge, "transferOwnership", address(ALICE));
    world.sendOk(OWNER, bridge, "transferOwnership", address(BOB));
    assertReverted(world.send(ALICE, bridge, "acceptOwnership"), "CallerNotPendingOwner", address(ALICE));
    world.sendOk(OWNER, bridge, "transferOwnership", address(Address.ZERO));
    assertReverted(world.send(BOB, bridge, "acceptOwnership"), "CallerNotPendingOwner", address(BOB));
    assertEquals(OWNER, world.addressView(bridge, "owner"));
  }

  @Test
  void propagationIsPermissionlessAndTheCallerChangesNothingInTheMessage() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.at(START + 7);
    SentMessage byAlice = world.single(world.sendOk(ALICE, bridge, "propagateRoots", bytes32Array(a)));
    SentMessage byOwner = world.single(world.sendOk(OWNER, bridge, "propagateRoot"));
    assertEquals(bridge, byAlice.sender());
    assertEquals(bridge, byOwner.sender());
    assertEquals(Bytes.fromHexString(encode("receiveRoots", bytes32Array(a), uint(START + 7), uint(1))),
        byAlice.message());
    assertEquals(Bytes.fromHexString(encode("receiveRoot", bytes32(b), uint(START + 7), uint(2))),
        byOwner.message());
  }
}
